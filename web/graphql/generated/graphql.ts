/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A signed 64-bit integer, serialized as a decimal string (quota amounts exceed 2^53). */
  BigInt: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** A bearer token for this API (login session or personal token) */
export type AccessToken = {
  __typename?: 'AccessToken';
  createdAt: Scalars['DateTimeISO']['output'];
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  /** session or personal */
  kind: Scalars['String']['output'];
  lastUsedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  name: Scalars['String']['output'];
  /** First characters, for recognising it */
  prefix: Scalars['String']['output'];
};

/** Who did what to which object (secrets masked) */
export type AuditLog = {
  __typename?: 'AuditLog';
  /** e.g. channel.update */
  action: Scalars['String']['output'];
  actorId?: Maybe<Scalars['Int']['output']>;
  actorName: Scalars['String']['output'];
  after?: Maybe<Scalars['JSONObject']['output']>;
  before?: Maybe<Scalars['JSONObject']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  targetId?: Maybe<Scalars['String']['output']>;
  targetType: Scalars['String']['output'];
};

export type AuditLogFilter = {
  /** Exact action, or a prefix ending in "." (e.g. "channel.") */
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  targetId?: InputMaybe<Scalars['String']['input']>;
  targetType?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

export type AuditLogPage = {
  __typename?: 'AuditLogPage';
  items: Array<AuditLog>;
  /** Pass as `before` for the next (older) page */
  nextCursor?: Maybe<Scalars['ID']['output']>;
};

/** Dashboard: balances you may see (channels for admins only) */
export type Balances = {
  __typename?: 'Balances';
  channels: Array<ChannelBalance>;
  tokens: Array<TokenBalance>;
  users: Array<UserBalance>;
};

export type Channel = {
  __typename?: 'Channel';
  autoDisable: Scalars['Boolean']['output'];
  autoTest: Scalars['Boolean']['output'];
  balanceUpdatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Upstream balance in USD, when the provider reports one */
  balanceUsd?: Maybe<Scalars['String']['output']>;
  baseUrl: Scalars['String']['output'];
  config: Scalars['JSONObject']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  groups: Array<Scalars['String']['output']>;
  headers: Scalars['JSONObject']['output'];
  id: Scalars['ID']['output'];
  keyStrategy: Scalars['String']['output'];
  lastTestAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Keys, masked. Full keys are never returned. */
  maskedKeys: Array<ChannelKey>;
  modelMapping: Scalars['JSONObject']['output'];
  models: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  passthroughHeaders: Array<Scalars['String']['output']>;
  priority: Scalars['Int']['output'];
  responseTimeMs?: Maybe<Scalars['Int']['output']>;
  /** enabled, manually_disabled or auto_disabled */
  status: Scalars['String']['output'];
  statusReason?: Maybe<Scalars['String']['output']>;
  streamUsage: Scalars['Boolean']['output'];
  timeouts: ChannelTimeouts;
  type: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  usedQuota: Scalars['BigInt']['output'];
  weight: Scalars['Int']['output'];
};

export type ChannelBalance = {
  __typename?: 'ChannelBalance';
  balanceUpdatedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Upstream balance in USD as last reported */
  balanceUsd?: Maybe<Scalars['String']['output']>;
  channelId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  status: Scalars['String']['output'];
  usedQuota: Scalars['BigInt']['output'];
};

/** A live channel fact: status change, test result, cool-down or disabled key (fields by kind) */
export type ChannelHealthEvent = {
  __typename?: 'ChannelHealthEvent';
  at: Scalars['DateTimeISO']['output'];
  channelId: Scalars['Int']['output'];
  /** test: why it failed */
  error?: Maybe<Scalars['String']['output']>;
  /** key-disabled: which key */
  keyIndex?: Maybe<Scalars['Int']['output']>;
  /** status, test, cooldown or key-disabled */
  kind: Scalars['String']['output'];
  /** test: response time, ms */
  latencyMs?: Maybe<Scalars['Float']['output']>;
  /** test: passed? */
  ok?: Maybe<Scalars['Boolean']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  /** status: enabled, manually_disabled or auto_disabled */
  status?: Maybe<Scalars['String']['output']>;
  /** cooldown: until when */
  until?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** A channel key as anyone may see it: masked */
export type ChannelKey = {
  __typename?: 'ChannelKey';
  disabled: Scalars['Boolean']['output'];
  index: Scalars['Int']['output'];
  /** e.g. "sk-…abcd" */
  masked: Scalars['String']['output'];
};

export type ChannelRef = {
  __typename?: 'ChannelRef';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  status: Scalars['String']['output'];
};

export type ChannelTestResult = {
  __typename?: 'ChannelTestResult';
  error?: Maybe<Scalars['String']['output']>;
  /** The failure disqualifies the key (invalid key, no balance) */
  fatal: Scalars['Boolean']['output'];
  latencyMs: Scalars['Int']['output'];
  model: Scalars['String']['output'];
  ok: Scalars['Boolean']['output'];
  /** Upstream HTTP status; 0 = no answer */
  status: Scalars['Int']['output'];
};

export type ChannelTimeouts = {
  __typename?: 'ChannelTimeouts';
  connectMs: Scalars['Int']['output'];
  firstByteMs: Scalars['Int']['output'];
  streamIdleMs: Scalars['Int']['output'];
};

export type ChannelTimeoutsInput = {
  /** TCP/TLS connect, ms */
  connectMs?: InputMaybe<Scalars['Int']['input']>;
  /** Until response headers (non-stream: whole body), ms */
  firstByteMs?: InputMaybe<Scalars['Int']['input']>;
  /** Longest silence inside a stream, ms */
  streamIdleMs?: InputMaybe<Scalars['Int']['input']>;
};

export type ChannelUsage = {
  __typename?: 'ChannelUsage';
  /** Mean latency of the requests, ms */
  avgLatencyMs: Scalars['Float']['output'];
  /** 0 = requests that reached no channel */
  channelId: Scalars['Int']['output'];
  channelName?: Maybe<Scalars['String']['output']>;
  completionTokens: Scalars['BigInt']['output'];
  errors: Scalars['Float']['output'];
  promptTokens: Scalars['BigInt']['output'];
  quota: Scalars['BigInt']['output'];
  requests: Scalars['Float']['output'];
};

export type CreateChannelInput = {
  /** Let the relay disable it on fatal errors */
  autoDisable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Include in scheduled tests */
  autoTest?: InputMaybe<Scalars['Boolean']['input']>;
  /** Empty or absent: the provider’s default base URL */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /** Provider-specific settings */
  config?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Groups this channel serves */
  groups?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Extra headers sent upstream */
  headers?: InputMaybe<Scalars['JSONObject']['input']>;
  /** round_robin or random */
  keyStrategy?: InputMaybe<Scalars['String']['input']>;
  /** One or more keys; several are rotated per keyStrategy */
  keys: Array<Scalars['String']['input']>;
  /** requested model → upstream model */
  modelMapping?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Model names customers ask for */
  models: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Client headers copied upstream */
  passthroughHeaders?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Higher tiers are tried first */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** Ask OpenAI-type upstreams for usage in streams */
  streamUsage?: InputMaybe<Scalars['Boolean']['input']>;
  timeouts?: InputMaybe<ChannelTimeoutsInput>;
  /** Provider type (see `providers`) */
  type: Scalars['String']['input'];
  /** Weighted random share inside a priority tier */
  weight?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateTokenInput = {
  /** null = never expires */
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** null = the owner’s group */
  group?: InputMaybe<Scalars['String']['input']>;
  /** IPv4/IPv6 CIDRs; null or [] = any address */
  ipWhitelist?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Allowed models; null or [] = all of the group */
  models?: InputMaybe<Array<Scalars['String']['input']>>;
  name: Scalars['String']['input'];
  /** none, daily or monthly */
  quotaReset?: InputMaybe<Scalars['String']['input']>;
  /** Remaining quota; ignored when unlimited */
  remainQuota?: InputMaybe<Scalars['BigInt']['input']>;
  /** Remaining quota restored by each reset */
  resetAmount?: InputMaybe<Scalars['BigInt']['input']>;
  rpm?: InputMaybe<Scalars['Int']['input']>;
  tpm?: InputMaybe<Scalars['Int']['input']>;
  unlimited?: InputMaybe<Scalars['Boolean']['input']>;
  /** Owner; default yourself (staff may name a customer) */
  userId?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateUserInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** Default: "default" */
  group?: InputMaybe<Scalars['String']['input']>;
  /** At least 8 characters */
  password: Scalars['String']['input'];
  /** Starting balance; default the newUserQuota option */
  quota?: InputMaybe<Scalars['BigInt']['input']>;
  /** user (default), sales, admin — up to what your role may give */
  role?: InputMaybe<Scalars['String']['input']>;
  rpm?: InputMaybe<Scalars['Int']['input']>;
  tpm?: InputMaybe<Scalars['Int']['input']>;
  username: Scalars['String']['input'];
};

export type CreatedToken = {
  __typename?: 'CreatedToken';
  /** The full key. Shown only in this reply; only its hash is stored. */
  key: Scalars['String']['output'];
  token: Token;
};

export type CustomerUsage = {
  __typename?: 'CustomerUsage';
  /** Mean latency of the requests, ms */
  avgLatencyMs: Scalars['Float']['output'];
  completionTokens: Scalars['BigInt']['output'];
  errors: Scalars['Float']['output'];
  promptTokens: Scalars['BigInt']['output'];
  quota: Scalars['BigInt']['output'];
  requests: Scalars['Float']['output'];
  userId: Scalars['Int']['output'];
  username?: Maybe<Scalars['String']['output']>;
};

export type DailyModelUsage = {
  __typename?: 'DailyModelUsage';
  /** Mean latency of the requests, ms */
  avgLatencyMs: Scalars['Float']['output'];
  completionTokens: Scalars['BigInt']['output'];
  /** Local day, YYYY-MM-DD */
  day: Scalars['String']['output'];
  errors: Scalars['Float']['output'];
  model: Scalars['String']['output'];
  promptTokens: Scalars['BigInt']['output'];
  quota: Scalars['BigInt']['output'];
  requests: Scalars['Float']['output'];
};

export type GenerateRedemptionsInput = {
  /** How many codes (1–10,000) */
  count: Scalars['Int']['input'];
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Batch name */
  name: Scalars['String']['input'];
  /** Quota each code is worth */
  quota: Scalars['BigInt']['input'];
};

/** The plain codes: shown in this reply only */
export type GeneratedRedemptions = {
  __typename?: 'GeneratedRedemptions';
  batchName: Scalars['String']['output'];
  codes: Array<Scalars['String']['output']>;
};

/** A price tier; users and tokens name one, channels serve some */
export type Group = {
  __typename?: 'Group';
  /** Channels that serve this group */
  channels: Array<ChannelRef>;
  createdAt: Scalars['DateTimeISO']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Price multiplier, exact decimal string */
  ratio: Scalars['String']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type IssuedAccessToken = {
  __typename?: 'IssuedAccessToken';
  accessToken: AccessToken;
  /** The token itself. Shown only now; store it safely. */
  token: Scalars['String']['output'];
};

export type JobProgress = {
  __typename?: 'JobProgress';
  failedReason?: Maybe<Scalars['String']['output']>;
  jobId: Scalars['ID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** 0–100 */
  progress: Scalars['Float']['output'];
  /** Summary once completed (never secrets) */
  result?: Maybe<Scalars['JSON']['output']>;
  /** waiting, active, completed, failed, … */
  state: Scalars['String']['output'];
};

export type JobStarted = {
  __typename?: 'JobStarted';
  /** Follow it with the jobProgress subscription */
  jobId: Scalars['ID']['output'];
};

export type LoginPayload = {
  __typename?: 'LoginPayload';
  /** Bearer token for `Authorization: Bearer …`; also set as an httpOnly session cookie */
  accessToken: Scalars['String']['output'];
  expiresAt: Scalars['DateTimeISO']['output'];
  user: User;
};

/** One-API ratios (1 = USD 0.002 / 1K input tokens), plus the same prices in USD per 1M tokens */
export type ModelPrice = {
  __typename?: 'ModelPrice';
  audioPer1kCharsQuota?: Maybe<Scalars['BigInt']['output']>;
  audioPerMinuteQuota?: Maybe<Scalars['BigInt']['output']>;
  /** Multiplier of the input price for cache-write input tokens */
  cacheWriteRatio: Scalars['String']['output'];
  /** Multiplier of the input price for cached input tokens */
  cachedRatio: Scalars['String']['output'];
  completionRatio: Scalars['String']['output'];
  defaultMaxOutputTokens: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** "size|quality" → quota per image; "*" as fallback */
  imagePrices: Scalars['JSONObject']['output'];
  /** Input price, USD per 1M tokens */
  inputUsdPerMillion: Scalars['String']['output'];
  model: Scalars['String']['output'];
  modelRatio: Scalars['String']['output'];
  /** Output price, USD per 1M tokens */
  outputUsdPerMillion: Scalars['String']['output'];
  /** Fixed quota per call, added to the token cost */
  perCallQuota: Scalars['BigInt']['output'];
  /** Multiplier for reasoning tokens; null = completionRatio */
  reasoningRatio?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
};

export type ModelPriceInput = {
  audioPer1kCharsQuota?: InputMaybe<Scalars['BigInt']['input']>;
  audioPerMinuteQuota?: InputMaybe<Scalars['BigInt']['input']>;
  cacheWriteRatio?: InputMaybe<Scalars['String']['input']>;
  cachedRatio?: InputMaybe<Scalars['String']['input']>;
  /** Give this or outputUsdPerMillion; default 1 */
  completionRatio?: InputMaybe<Scalars['String']['input']>;
  defaultMaxOutputTokens?: InputMaybe<Scalars['Int']['input']>;
  imagePrices?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Input price in USD per 1M tokens (ratio = price ÷ 2) */
  inputUsdPerMillion?: InputMaybe<Scalars['String']['input']>;
  model: Scalars['String']['input'];
  /** Give this or inputUsdPerMillion */
  modelRatio?: InputMaybe<Scalars['String']['input']>;
  /** Output price in USD per 1M tokens */
  outputUsdPerMillion?: InputMaybe<Scalars['String']['input']>;
  perCallQuota?: InputMaybe<Scalars['BigInt']['input']>;
  reasoningRatio?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds (or, negative, removes) quota with a reason; recorded as an adjustment and in the audit log. */
  adjustUserQuota: TopUp;
  changePassword: Scalars['Boolean']['output'];
  /** The codes of a finished generation job, once: the job and its sealed result are deleted */
  claimGeneratedRedemptions: GeneratedRedemptions;
  /** Creates a personal access token for scripts. The token is shown only in this reply. */
  createAccessToken: IssuedAccessToken;
  createChannel: Channel;
  createGroup: Group;
  /** A key for the console playground: yours, billed to your balance, expires in minutes, never listed. Older ones are revoked. */
  createPlaygroundToken: PlaygroundToken;
  /** Creates a token; the key is in this reply only. */
  createToken: CreatedToken;
  /** Creates a user; sales create customers, admins also sales, root also admins. */
  createUser: User;
  /** Deletes channels; returns how many. */
  deleteChannels: Scalars['Int']['output'];
  /** Deletes a group nothing refers to any more. */
  deleteGroup: Scalars['Boolean']['output'];
  /** Deletes prices; requests for those models are then refused (unless defaultModelRatio). */
  deleteModelPrices: Scalars['Int']['output'];
  /** Deletes tokens; returns how many. */
  deleteTokens: Scalars['Int']['output'];
  /** Deletes users with their tokens; returns how many. */
  deleteUsers: Scalars['Int']['output'];
  /** Disable channels manually; automation never re-enables them. */
  disableChannels: Array<Channel>;
  /** Disables unused codes; returns how many changed */
  disableRedemptions: Scalars['Int']['output'];
  /** Enable channels (also auto-disabled ones). */
  enableChannels: Array<Channel>;
  /** Lists the upstream’s models (does not change the channel). */
  fetchChannelModels: Array<Scalars['String']['output']>;
  /** Generates up to 1,000 codes now; the codes are in this reply only (larger batches: startGenerateRedemptions) */
  generateRedemptions: GeneratedRedemptions;
  /** Sign in. Returns a bearer token and sets the session cookie. */
  login: LoginPayload;
  /** Ends the session used for this request and clears the cookie. */
  logout: Scalars['Boolean']['output'];
  /** Redeems a code into your own balance */
  redeem: RedeemResult;
  /** Reads the upstream account balance, where the provider reports one. */
  refreshChannelBalance: Channel;
  /** Replaces the key; the old key stops working at once. */
  regenerateTokenKey: CreatedToken;
  /** Revokes one of your access tokens. */
  revokeAccessToken: Scalars['Boolean']['output'];
  setChannelPriority: Array<Channel>;
  /** Sets a system setting (root only); relay settings reach the relays at once. */
  setOption: SystemOption;
  /** Fetches the upstream model lists of many channels as a job */
  startFetchModels: JobStarted;
  /** Generates up to 10,000 codes as a job (progress: jobProgress); collect them once with claimGeneratedRedemptions */
  startGenerateRedemptions: JobStarted;
  /** Tests the given channels (default: all with automatic tests on) as a job */
  startTestChannels: JobStarted;
  /** Sends a real request through the channel (on a relay worker) and records the response time. */
  testChannel: ChannelTestResult;
  updateChannel: Channel;
  updateGroup: Group;
  updateToken: Token;
  /** Updates a user you manage (yourself: profile and password only). */
  updateUser: User;
  /** Creates or updates the price of a model. */
  upsertModelPrice: ModelPrice;
};


export type MutationAdjustUserQuotaArgs = {
  amount: Scalars['BigInt']['input'];
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationClaimGeneratedRedemptionsArgs = {
  jobId: Scalars['ID']['input'];
};


export type MutationCreateAccessTokenArgs = {
  expiresInDays?: InputMaybe<Scalars['Float']['input']>;
  name: Scalars['String']['input'];
};


export type MutationCreateChannelArgs = {
  input: CreateChannelInput;
};


export type MutationCreateGroupArgs = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  ratio: Scalars['String']['input'];
};


export type MutationCreateTokenArgs = {
  input: CreateTokenInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeleteChannelsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationDeleteGroupArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteModelPricesArgs = {
  models: Array<Scalars['String']['input']>;
};


export type MutationDeleteTokensArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationDeleteUsersArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationDisableChannelsArgs = {
  ids: Array<Scalars['ID']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDisableRedemptionsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationEnableChannelsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationFetchChannelModelsArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGenerateRedemptionsArgs = {
  input: GenerateRedemptionsInput;
};


export type MutationLoginArgs = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};


export type MutationRedeemArgs = {
  code: Scalars['String']['input'];
};


export type MutationRefreshChannelBalanceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRegenerateTokenKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeAccessTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetChannelPriorityArgs = {
  ids: Array<Scalars['ID']['input']>;
  priority: Scalars['Int']['input'];
};


export type MutationSetOptionArgs = {
  key: Scalars['String']['input'];
  value?: InputMaybe<Scalars['JSON']['input']>;
};


export type MutationStartFetchModelsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationStartGenerateRedemptionsArgs = {
  input: GenerateRedemptionsInput;
};


export type MutationStartTestChannelsArgs = {
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationTestChannelArgs = {
  enableIfPassed?: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
  model?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateChannelArgs = {
  id: Scalars['ID']['input'];
  input: UpdateChannelInput;
};


export type MutationUpdateGroupArgs = {
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  ratio?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateTokenArgs = {
  id: Scalars['ID']['input'];
  input: UpdateTokenInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationUpsertModelPriceArgs = {
  input: ModelPriceInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A short-lived key for the console playground, billed to the signed-in user. */
export type PlaygroundToken = {
  __typename?: 'PlaygroundToken';
  expiresAt: Scalars['DateTimeISO']['output'];
  /** The full key. Shown only in this reply; only its hash is stored. */
  key: Scalars['String']['output'];
};

/** A provider type a channel can use (shared/providers) */
export type Provider = {
  __typename?: 'Provider';
  capabilities: Array<Scalars['String']['output']>;
  defaultBaseUrl?: Maybe<Scalars['String']['output']>;
  /** Provider-specific channel fields (name, label, kind, required, …) */
  fields: Scalars['JSON']['output'];
  keyFormat: Scalars['String']['output'];
  keyParts: Scalars['Int']['output'];
  labelEn: Scalars['String']['output'];
  labelZh: Scalars['String']['output'];
  openaiCompatible: Scalars['Boolean']['output'];
  suggestedModels: Array<Scalars['String']['output']>;
  type: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Audit log, newest first (keyset pages). */
  auditLogs: AuditLogPage;
  /** Models an enabled channel serves for a group (customers: their own group; staff: any, default all groups). */
  availableModels: Array<Scalars['String']['output']>;
  /** Balances of users, tokens and (admins) channels */
  balances: Balances;
  channel: Channel;
  channels: Array<Channel>;
  /** Settings and balances of your tokens (or one user’s) as CSV or JSON. Keys are not included: only hashes exist. */
  exportTokens: Scalars['String']['output'];
  groups: Array<Group>;
  /** A bulk job’s state now */
  job: JobProgress;
  /** The signed-in user, or null. */
  me?: Maybe<User>;
  /** Prices of every model (or those whose name contains `search`). */
  modelPrices: Array<ModelPrice>;
  /** Your access tokens (sessions and personal tokens). */
  myAccessTokens: Array<AccessToken>;
  /** System settings (root only). */
  options: Array<SystemOption>;
  providers: Array<Provider>;
  /** Quota units per USD (the quotaPerUsd option): how the console converts money. */
  quotaPerUsd: Scalars['BigInt']['output'];
  redemptions: RedemptionPage;
  token: Token;
  /** Tokens you may manage (customers: their own). */
  tokens: TokenPage;
  /** Customers by quota used over the range */
  topCustomers: Array<CustomerUsage>;
  /** Tokens by quota used over the range (customers: their own) */
  topTokens: Array<TokenUsage>;
  /** Newest first; customers see their own */
  topUps: TopUpPage;
  /** Per channel over the range */
  usageByChannel: Array<ChannelUsage>;
  /** Per local day × model, in any IANA time zone */
  usageByDay: Array<DailyModelUsage>;
  /** Counts and sums over the filtered usage logs */
  usageLogTotals: UsageLogTotals;
  /** Usage logs, newest first (Relay connection, keyset cursors) */
  usageLogs: UsageLogConnection;
  user: User;
  /** Users you may manage (sales: customers; admins: sales and customers). */
  users: UserPage;
};


export type QueryAuditLogsArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  limit?: Scalars['Int']['input'];
};


export type QueryAvailableModelsArgs = {
  group?: InputMaybe<Scalars['String']['input']>;
};


export type QueryBalancesArgs = {
  limit?: Scalars['Int']['input'];
  userId?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChannelArgs = {
  id: Scalars['ID']['input'];
};


export type QueryChannelsArgs = {
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
};


export type QueryExportTokensArgs = {
  format?: Scalars['String']['input'];
  userId?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryJobArgs = {
  jobId: Scalars['ID']['input'];
};


export type QueryModelPricesArgs = {
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRedemptionsArgs = {
  batchName?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  status?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTokenArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTokensArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  userId?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTopCustomersArgs = {
  limit?: Scalars['Int']['input'];
  range: UsageStatsRange;
};


export type QueryTopTokensArgs = {
  limit?: Scalars['Int']['input'];
  range: UsageStatsRange;
};


export type QueryTopUpsArgs = {
  kind?: InputMaybe<Scalars['String']['input']>;
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  userId?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUsageByChannelArgs = {
  range: UsageStatsRange;
};


export type QueryUsageByDayArgs = {
  range: UsageStatsRange;
};


export type QueryUsageLogTotalsArgs = {
  filter?: InputMaybe<UsageLogFilter>;
};


export type QueryUsageLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UsageLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
};

export type RedeemResult = {
  __typename?: 'RedeemResult';
  /** Quota added to your balance */
  quota: Scalars['BigInt']['output'];
  topUp: TopUp;
};

/** A redemption code (the code itself is never stored, only its hash) */
export type Redemption = {
  __typename?: 'Redemption';
  batchName: Scalars['String']['output'];
  /** First characters of the code, for recognition */
  codePrefix: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  createdById: Scalars['Int']['output'];
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  quota: Scalars['BigInt']['output'];
  redeemedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  redeemedById?: Maybe<Scalars['Int']['output']>;
  /** unused, used or disabled */
  status: Scalars['String']['output'];
};

export type RedemptionPage = {
  __typename?: 'RedemptionPage';
  items: Array<Redemption>;
  total: Scalars['Int']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Status changes, test results, cool-downs and disabled keys as they happen (admins) */
  channelHealth: ChannelHealthEvent;
  /** Progress of a bulk job you started: its state now, then every change until it ends */
  jobProgress: JobProgress;
};


export type SubscriptionChannelHealthArgs = {
  channelId?: InputMaybe<Scalars['Int']['input']>;
};


export type SubscriptionJobProgressArgs = {
  jobId: Scalars['ID']['input'];
};

/** A system setting with its type-checked value */
export type SystemOption = {
  __typename?: 'SystemOption';
  defaultValue?: Maybe<Scalars['JSON']['output']>;
  description: Scalars['String']['output'];
  key: Scalars['String']['output'];
  /** Sent to the relay workers */
  relay: Scalars['Boolean']['output'];
  value?: Maybe<Scalars['JSON']['output']>;
};

/** A customer API key for /v1. The key itself is never shown again. */
export type Token = {
  __typename?: 'Token';
  createdAt: Scalars['DateTimeISO']['output'];
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** null = the owner’s group */
  group?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Allowed client CIDRs; null = any */
  ipWhitelist?: Maybe<Array<Scalars['String']['output']>>;
  /** First characters of the key, e.g. "sk-AbCd" */
  keyPrefix: Scalars['String']['output'];
  lastResetAt?: Maybe<Scalars['DateTimeISO']['output']>;
  lastUsedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Remaining quota as the relay sees it now (Redis); null when unlimited */
  liveRemainQuota?: Maybe<Scalars['BigInt']['output']>;
  /** Allowed models; null = all of the group */
  models?: Maybe<Array<Scalars['String']['output']>>;
  name: Scalars['String']['output'];
  /** none, daily or monthly */
  quotaReset: Scalars['String']['output'];
  /** Remaining quota (MySQL; liveRemainQuota is the relay’s value) */
  remainQuota: Scalars['BigInt']['output'];
  resetAmount: Scalars['BigInt']['output'];
  rpm: Scalars['Int']['output'];
  /** enabled or disabled */
  status: Scalars['String']['output'];
  tpm: Scalars['Int']['output'];
  unlimited: Scalars['Boolean']['output'];
  updatedAt: Scalars['DateTimeISO']['output'];
  usedQuota: Scalars['BigInt']['output'];
  userId: Scalars['Int']['output'];
};

export type TokenBalance = {
  __typename?: 'TokenBalance';
  name: Scalars['String']['output'];
  remainQuota: Scalars['BigInt']['output'];
  tokenId: Scalars['ID']['output'];
  unlimited: Scalars['Boolean']['output'];
  usedQuota: Scalars['BigInt']['output'];
  userId: Scalars['Int']['output'];
};

export type TokenPage = {
  __typename?: 'TokenPage';
  items: Array<Token>;
  total: Scalars['Int']['output'];
};

export type TokenUsage = {
  __typename?: 'TokenUsage';
  /** Mean latency of the requests, ms */
  avgLatencyMs: Scalars['Float']['output'];
  completionTokens: Scalars['BigInt']['output'];
  errors: Scalars['Float']['output'];
  promptTokens: Scalars['BigInt']['output'];
  quota: Scalars['BigInt']['output'];
  requests: Scalars['Float']['output'];
  tokenId: Scalars['Int']['output'];
  tokenName?: Maybe<Scalars['String']['output']>;
  userId: Scalars['Int']['output'];
};

/** A change of a user’s balance that is not usage */
export type TopUp = {
  __typename?: 'TopUp';
  actorId?: Maybe<Scalars['Int']['output']>;
  /** Signed quota delta */
  amount: Scalars['BigInt']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  id: Scalars['ID']['output'];
  /** topup, adjustment or redemption */
  kind: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  userId: Scalars['Int']['output'];
};

export type TopUpPage = {
  __typename?: 'TopUpPage';
  items: Array<TopUp>;
  total: Scalars['Int']['output'];
};

export type UpdateChannelInput = {
  /** Appends keys */
  addKeys?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Let the relay disable it on fatal errors */
  autoDisable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Include in scheduled tests */
  autoTest?: InputMaybe<Scalars['Boolean']['input']>;
  /** Empty or absent: the provider’s default base URL */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /** Provider-specific settings */
  config?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Key indexes to keep but not use */
  disabledKeys?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Groups this channel serves */
  groups?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Extra headers sent upstream */
  headers?: InputMaybe<Scalars['JSONObject']['input']>;
  /** round_robin or random */
  keyStrategy?: InputMaybe<Scalars['String']['input']>;
  /** Replaces every key */
  keys?: InputMaybe<Array<Scalars['String']['input']>>;
  /** requested model → upstream model */
  modelMapping?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Model names customers ask for */
  models?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Client headers copied upstream */
  passthroughHeaders?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Higher tiers are tried first */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** Removes keys by index */
  removeKeyIndexes?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Ask OpenAI-type upstreams for usage in streams */
  streamUsage?: InputMaybe<Scalars['Boolean']['input']>;
  timeouts?: InputMaybe<ChannelTimeoutsInput>;
  /** Weighted random share inside a priority tier */
  weight?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateTokenInput = {
  /** null = never expires */
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** null = the owner’s group */
  group?: InputMaybe<Scalars['String']['input']>;
  /** IPv4/IPv6 CIDRs; null or [] = any address */
  ipWhitelist?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Allowed models; null or [] = all of the group */
  models?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** none, daily or monthly */
  quotaReset?: InputMaybe<Scalars['String']['input']>;
  /** New remaining quota (the live value moves by the difference) */
  remainQuota?: InputMaybe<Scalars['BigInt']['input']>;
  /** Remaining quota restored by each reset */
  resetAmount?: InputMaybe<Scalars['BigInt']['input']>;
  rpm?: InputMaybe<Scalars['Int']['input']>;
  /** enabled or disabled */
  status?: InputMaybe<Scalars['String']['input']>;
  tpm?: InputMaybe<Scalars['Int']['input']>;
  unlimited?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateUserInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  group?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  /** Sets the balance to this amount (recorded as an adjustment with quotaReason) */
  quota?: InputMaybe<Scalars['BigInt']['input']>;
  /** Why the balance was set (audit log and top-up record) */
  quotaReason?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
  rpm?: InputMaybe<Scalars['Int']['input']>;
  /** enabled or disabled */
  status?: InputMaybe<Scalars['String']['input']>;
  tpm?: InputMaybe<Scalars['Int']['input']>;
};

export type UsageLog = {
  __typename?: 'UsageLog';
  /** Each try: channelId, status, latencyMs, error */
  attempts?: Maybe<Scalars['JSON']['output']>;
  cacheWriteTokens: Scalars['Int']['output'];
  cachedTokens: Scalars['Int']['output'];
  channelId?: Maybe<Scalars['Int']['output']>;
  clientIp?: Maybe<Scalars['String']['output']>;
  completionTokens: Scalars['Int']['output'];
  endpoint: Scalars['String']['output'];
  errorMessage?: Maybe<Scalars['String']['output']>;
  group: Scalars['String']['output'];
  httpStatus: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  latencyMs: Scalars['Int']['output'];
  model: Scalars['String']['output'];
  promptTokens: Scalars['Int']['output'];
  quota: Scalars['BigInt']['output'];
  reasoningTokens: Scalars['Int']['output'];
  requestId: Scalars['String']['output'];
  status: Scalars['String']['output'];
  stream: Scalars['Boolean']['output'];
  time: Scalars['DateTimeISO']['output'];
  tokenId: Scalars['Int']['output'];
  ttftMs?: Maybe<Scalars['Int']['output']>;
  upstreamModel?: Maybe<Scalars['String']['output']>;
  usageEstimated: Scalars['Boolean']['output'];
  userId: Scalars['Int']['output'];
};

/** Newest first; keyset cursors on (time, id) */
export type UsageLogConnection = {
  __typename?: 'UsageLogConnection';
  edges: Array<UsageLogEdge>;
  pageInfo: PageInfo;
};

export type UsageLogEdge = {
  __typename?: 'UsageLogEdge';
  cursor: Scalars['String']['output'];
  node: UsageLog;
};

/** All fields optional; combined with AND */
export type UsageLogFilter = {
  channelId?: InputMaybe<Scalars['Int']['input']>;
  /** Inclusive */
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The model the client asked for */
  model?: InputMaybe<Scalars['String']['input']>;
  requestId?: InputMaybe<Scalars['ID']['input']>;
  /** success, partial, aborted or failed */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Exclusive */
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
  tokenId?: InputMaybe<Scalars['Int']['input']>;
  userId?: InputMaybe<Scalars['Int']['input']>;
};

/** Aggregates of the filtered rows */
export type UsageLogTotals = {
  __typename?: 'UsageLogTotals';
  completionTokens: Scalars['BigInt']['output'];
  errors: Scalars['Float']['output'];
  promptTokens: Scalars['BigInt']['output'];
  quota: Scalars['BigInt']['output'];
  requests: Scalars['Float']['output'];
};

/** Local calendar days in an IANA zone, both inclusive */
export type UsageStatsRange = {
  channelId?: InputMaybe<Scalars['Int']['input']>;
  /** First day, YYYY-MM-DD */
  from: Scalars['String']['input'];
  model?: InputMaybe<Scalars['String']['input']>;
  /** IANA zone, e.g. Asia/Kolkata */
  timeZone?: Scalars['String']['input'];
  /** Last day, YYYY-MM-DD (inclusive) */
  to: Scalars['String']['input'];
  tokenId?: InputMaybe<Scalars['Int']['input']>;
  userId?: InputMaybe<Scalars['Int']['input']>;
};

export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTimeISO']['output'];
  displayName?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  group: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastLoginAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Balance as the relay sees it right now (Redis); quota converges to it as usage is written */
  liveQuota?: Maybe<Scalars['BigInt']['output']>;
  /** The password was generated at first start or reset by staff; the user should change it (changePassword). */
  mustChangePassword: Scalars['Boolean']['output'];
  /** Balance in quota units (MySQL; see liveQuota for the relay’s value) */
  quota: Scalars['BigInt']['output'];
  /** Requests served (counter; may exceed 2^31) */
  requestCount: Scalars['Float']['output'];
  /** root, admin, sales or user */
  role: Scalars['String']['output'];
  /** Requests per minute across all tokens; 0 = no limit */
  rpm: Scalars['Int']['output'];
  /** enabled or disabled */
  status: Scalars['String']['output'];
  /** Tokens per minute across all tokens; 0 = no limit */
  tpm: Scalars['Int']['output'];
  usedQuota: Scalars['BigInt']['output'];
  username: Scalars['String']['output'];
};

export type UserBalance = {
  __typename?: 'UserBalance';
  /** Live balance the relay enforces (Redis) */
  liveQuota?: Maybe<Scalars['BigInt']['output']>;
  /** MySQL balance (converges from usage) */
  quota: Scalars['BigInt']['output'];
  requestCount: Scalars['Float']['output'];
  usedQuota: Scalars['BigInt']['output'];
  userId: Scalars['ID']['output'];
  username: Scalars['String']['output'];
};

export type UserPage = {
  __typename?: 'UserPage';
  items: Array<User>;
  total: Scalars['Int']['output'];
};

export type RedemptionsQueryVariables = Exact<{
  status?: InputMaybe<Scalars['String']['input']>;
  batchName?: InputMaybe<Scalars['String']['input']>;
  limit: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type RedemptionsQuery = { __typename?: 'Query', redemptions: { __typename?: 'RedemptionPage', total: number, items: Array<{ __typename?: 'Redemption', id: string, batchName: string, codePrefix: string, quota: string, status: string, redeemedById?: number | null, redeemedAt?: string | null, expiresAt?: string | null, createdAt: string }> } };

export type GenerateRedemptionsMutationVariables = Exact<{
  input: GenerateRedemptionsInput;
}>;


export type GenerateRedemptionsMutation = { __typename?: 'Mutation', generateRedemptions: { __typename?: 'GeneratedRedemptions', batchName: string, codes: Array<string> } };

export type DisableRedemptionsMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type DisableRedemptionsMutation = { __typename?: 'Mutation', disableRedemptions: number };

export type RedeemMutationVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type RedeemMutation = { __typename?: 'Mutation', redeem: { __typename?: 'RedeemResult', quota: string } };

export type AuditLogsQueryVariables = Exact<{
  filter?: InputMaybe<AuditLogFilter>;
  before?: InputMaybe<Scalars['ID']['input']>;
  limit: Scalars['Int']['input'];
}>;


export type AuditLogsQuery = { __typename?: 'Query', auditLogs: { __typename?: 'AuditLogPage', nextCursor?: string | null, items: Array<{ __typename?: 'AuditLog', id: string, createdAt: string, actorId?: number | null, actorName: string, action: string, targetType: string, targetId?: string | null, before?: Record<string, unknown> | null, after?: Record<string, unknown> | null, ip?: string | null }> } };

export type OptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type OptionsQuery = { __typename?: 'Query', options: Array<{ __typename?: 'SystemOption', key: string, value?: unknown | null, defaultValue?: unknown | null, description: string, relay: boolean }> };

export type SetOptionMutationVariables = Exact<{
  key: Scalars['String']['input'];
  value: Scalars['JSON']['input'];
}>;


export type SetOptionMutation = { __typename?: 'Mutation', setOption: { __typename?: 'SystemOption', key: string, value?: unknown | null, defaultValue?: unknown | null, description: string, relay: boolean } };

export type MyAccessTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAccessTokensQuery = { __typename?: 'Query', myAccessTokens: Array<{ __typename?: 'AccessToken', id: string, name: string, kind: string, prefix: string, createdAt: string, expiresAt?: string | null, lastUsedAt?: string | null }> };

export type CreateAccessTokenMutationVariables = Exact<{
  name: Scalars['String']['input'];
  expiresInDays?: InputMaybe<Scalars['Float']['input']>;
}>;


export type CreateAccessTokenMutation = { __typename?: 'Mutation', createAccessToken: { __typename?: 'IssuedAccessToken', token: string } };

export type RevokeAccessTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeAccessTokenMutation = { __typename?: 'Mutation', revokeAccessToken: boolean };

export type ChannelFieldsFragment = { __typename?: 'Channel', id: string, type: string, name: string, baseUrl: string, models: Array<string>, groups: Array<string>, priority: number, weight: number, modelMapping: Record<string, unknown>, headers: Record<string, unknown>, passthroughHeaders: Array<string>, keyStrategy: string, streamUsage: boolean, autoTest: boolean, autoDisable: boolean, config: Record<string, unknown>, status: string, statusReason?: string | null, responseTimeMs?: number | null, lastTestAt?: string | null, balanceUsd?: string | null, usedQuota: string, maskedKeys: Array<{ __typename?: 'ChannelKey', index: number, masked: string, disabled: boolean }>, timeouts: { __typename?: 'ChannelTimeouts', connectMs: number, firstByteMs: number, streamIdleMs: number } };

export type ChannelsQueryVariables = Exact<{
  status?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChannelsQuery = { __typename?: 'Query', channels: Array<{ __typename?: 'Channel', id: string, type: string, name: string, baseUrl: string, models: Array<string>, groups: Array<string>, priority: number, weight: number, modelMapping: Record<string, unknown>, headers: Record<string, unknown>, passthroughHeaders: Array<string>, keyStrategy: string, streamUsage: boolean, autoTest: boolean, autoDisable: boolean, config: Record<string, unknown>, status: string, statusReason?: string | null, responseTimeMs?: number | null, lastTestAt?: string | null, balanceUsd?: string | null, usedQuota: string, maskedKeys: Array<{ __typename?: 'ChannelKey', index: number, masked: string, disabled: boolean }>, timeouts: { __typename?: 'ChannelTimeouts', connectMs: number, firstByteMs: number, streamIdleMs: number } }> };

export type CreateChannelMutationVariables = Exact<{
  input: CreateChannelInput;
}>;


export type CreateChannelMutation = { __typename?: 'Mutation', createChannel: { __typename?: 'Channel', id: string, type: string, name: string, baseUrl: string, models: Array<string>, groups: Array<string>, priority: number, weight: number, modelMapping: Record<string, unknown>, headers: Record<string, unknown>, passthroughHeaders: Array<string>, keyStrategy: string, streamUsage: boolean, autoTest: boolean, autoDisable: boolean, config: Record<string, unknown>, status: string, statusReason?: string | null, responseTimeMs?: number | null, lastTestAt?: string | null, balanceUsd?: string | null, usedQuota: string, maskedKeys: Array<{ __typename?: 'ChannelKey', index: number, masked: string, disabled: boolean }>, timeouts: { __typename?: 'ChannelTimeouts', connectMs: number, firstByteMs: number, streamIdleMs: number } } };

export type UpdateChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateChannelInput;
}>;


export type UpdateChannelMutation = { __typename?: 'Mutation', updateChannel: { __typename?: 'Channel', id: string, type: string, name: string, baseUrl: string, models: Array<string>, groups: Array<string>, priority: number, weight: number, modelMapping: Record<string, unknown>, headers: Record<string, unknown>, passthroughHeaders: Array<string>, keyStrategy: string, streamUsage: boolean, autoTest: boolean, autoDisable: boolean, config: Record<string, unknown>, status: string, statusReason?: string | null, responseTimeMs?: number | null, lastTestAt?: string | null, balanceUsd?: string | null, usedQuota: string, maskedKeys: Array<{ __typename?: 'ChannelKey', index: number, masked: string, disabled: boolean }>, timeouts: { __typename?: 'ChannelTimeouts', connectMs: number, firstByteMs: number, streamIdleMs: number } } };

export type EnableChannelsMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type EnableChannelsMutation = { __typename?: 'Mutation', enableChannels: Array<{ __typename?: 'Channel', id: string, status: string, statusReason?: string | null }> };

export type DisableChannelsMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type DisableChannelsMutation = { __typename?: 'Mutation', disableChannels: Array<{ __typename?: 'Channel', id: string, status: string, statusReason?: string | null }> };

export type SetChannelPriorityMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  priority: Scalars['Int']['input'];
}>;


export type SetChannelPriorityMutation = { __typename?: 'Mutation', setChannelPriority: Array<{ __typename?: 'Channel', id: string, priority: number }> };

export type DeleteChannelsMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type DeleteChannelsMutation = { __typename?: 'Mutation', deleteChannels: number };

export type TestChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  model?: InputMaybe<Scalars['String']['input']>;
}>;


export type TestChannelMutation = { __typename?: 'Mutation', testChannel: { __typename?: 'ChannelTestResult', ok: boolean, latencyMs: number, status: number, error?: string | null, fatal: boolean, model: string } };

export type FetchChannelModelsMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FetchChannelModelsMutation = { __typename?: 'Mutation', fetchChannelModels: Array<string> };

export type ChannelHealthSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ChannelHealthSubscription = { __typename?: 'Subscription', channelHealth: { __typename?: 'ChannelHealthEvent', kind: string, channelId: number, status?: string | null, reason?: string | null, ok?: boolean | null, latencyMs?: number | null, error?: string | null, at: string } };

export type StartTestChannelsMutationVariables = Exact<{
  ids?: InputMaybe<Array<Scalars['ID']['input']> | Scalars['ID']['input']>;
}>;


export type StartTestChannelsMutation = { __typename?: 'Mutation', startTestChannels: { __typename?: 'JobStarted', jobId: string } };

export type JobProgressSubscriptionVariables = Exact<{
  jobId: Scalars['ID']['input'];
}>;


export type JobProgressSubscription = { __typename?: 'Subscription', jobProgress: { __typename?: 'JobProgress', jobId: string, name: string, state: string, progress: number, message?: string | null, result?: unknown | null, failedReason?: string | null } };

export type GroupNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupNamesQuery = { __typename?: 'Query', groups: Array<{ __typename?: 'Group', name: string }> };

export type GroupsQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupsQuery = { __typename?: 'Query', groups: Array<{ __typename?: 'Group', id: string, name: string, ratio: string, description?: string | null }> };

export type CreateGroupMutationVariables = Exact<{
  name: Scalars['String']['input'];
  ratio: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateGroupMutation = { __typename?: 'Mutation', createGroup: { __typename?: 'Group', id: string, name: string, ratio: string, description?: string | null } };

export type UpdateGroupMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  ratio?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
}>;


export type UpdateGroupMutation = { __typename?: 'Mutation', updateGroup: { __typename?: 'Group', id: string, name: string, ratio: string, description?: string | null } };

export type DeleteGroupMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteGroupMutation = { __typename?: 'Mutation', deleteGroup: boolean };

export type ModelPricesQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type ModelPricesQuery = { __typename?: 'Query', modelPrices: Array<{ __typename?: 'ModelPrice', id: string, model: string, modelRatio: string, completionRatio: string, cachedRatio: string, cacheWriteRatio: string, reasoningRatio?: string | null, perCallQuota: string, inputUsdPerMillion: string, outputUsdPerMillion: string }> };

export type UpsertModelPriceMutationVariables = Exact<{
  input: ModelPriceInput;
}>;


export type UpsertModelPriceMutation = { __typename?: 'Mutation', upsertModelPrice: { __typename?: 'ModelPrice', id: string, model: string, modelRatio: string, completionRatio: string, cachedRatio: string, cacheWriteRatio: string, reasoningRatio?: string | null, perCallQuota: string, inputUsdPerMillion: string, outputUsdPerMillion: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, username: string, displayName?: string | null, role: string, group: string, quota: string, usedQuota: string, requestCount: number } | null };

export type QuotaPerUsdQueryVariables = Exact<{ [key: string]: never; }>;


export type QuotaPerUsdQuery = { __typename?: 'Query', quotaPerUsd: string };

export type PasswordStateQueryVariables = Exact<{ [key: string]: never; }>;


export type PasswordStateQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, mustChangePassword: boolean } | null };

export type LoginMutationVariables = Exact<{
  username: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'LoginPayload', expiresAt: string, user: { __typename?: 'User', id: string, role: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { __typename?: 'Mutation', logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { __typename?: 'Mutation', changePassword: boolean };

export type TokenFieldsFragment = { __typename?: 'Token', id: string, userId: number, name: string, keyPrefix: string, status: string, expiresAt?: string | null, unlimited: boolean, remainQuota: string, usedQuota: string, models?: Array<string> | null, ipWhitelist?: Array<string> | null, group?: string | null, rpm: number, tpm: number, quotaReset: string, resetAmount: string, lastUsedAt?: string | null, createdAt: string };

export type TokensQueryVariables = Exact<{
  userId?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
}>;


export type TokensQuery = { __typename?: 'Query', tokens: { __typename?: 'TokenPage', total: number, items: Array<{ __typename?: 'Token', id: string, userId: number, name: string, keyPrefix: string, status: string, expiresAt?: string | null, unlimited: boolean, remainQuota: string, usedQuota: string, models?: Array<string> | null, ipWhitelist?: Array<string> | null, group?: string | null, rpm: number, tpm: number, quotaReset: string, resetAmount: string, lastUsedAt?: string | null, createdAt: string }> } };

export type CreateTokenMutationVariables = Exact<{
  input: CreateTokenInput;
}>;


export type CreateTokenMutation = { __typename?: 'Mutation', createToken: { __typename?: 'CreatedToken', key: string, token: { __typename?: 'Token', id: string, userId: number, name: string, keyPrefix: string, status: string, expiresAt?: string | null, unlimited: boolean, remainQuota: string, usedQuota: string, models?: Array<string> | null, ipWhitelist?: Array<string> | null, group?: string | null, rpm: number, tpm: number, quotaReset: string, resetAmount: string, lastUsedAt?: string | null, createdAt: string } } };

export type UpdateTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateTokenInput;
}>;


export type UpdateTokenMutation = { __typename?: 'Mutation', updateToken: { __typename?: 'Token', id: string, userId: number, name: string, keyPrefix: string, status: string, expiresAt?: string | null, unlimited: boolean, remainQuota: string, usedQuota: string, models?: Array<string> | null, ipWhitelist?: Array<string> | null, group?: string | null, rpm: number, tpm: number, quotaReset: string, resetAmount: string, lastUsedAt?: string | null, createdAt: string } };

export type RegenerateTokenKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RegenerateTokenKeyMutation = { __typename?: 'Mutation', regenerateTokenKey: { __typename?: 'CreatedToken', key: string, token: { __typename?: 'Token', id: string, userId: number, name: string, keyPrefix: string, status: string, expiresAt?: string | null, unlimited: boolean, remainQuota: string, usedQuota: string, models?: Array<string> | null, ipWhitelist?: Array<string> | null, group?: string | null, rpm: number, tpm: number, quotaReset: string, resetAmount: string, lastUsedAt?: string | null, createdAt: string } } };

export type DeleteTokensMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type DeleteTokensMutation = { __typename?: 'Mutation', deleteTokens: number };

export type ExportTokensQueryVariables = Exact<{
  userId?: InputMaybe<Scalars['Int']['input']>;
  format: Scalars['String']['input'];
}>;


export type ExportTokensQuery = { __typename?: 'Query', exportTokens: string };

export type CreatePlaygroundTokenMutationVariables = Exact<{ [key: string]: never; }>;


export type CreatePlaygroundTokenMutation = { __typename?: 'Mutation', createPlaygroundToken: { __typename?: 'PlaygroundToken', key: string, expiresAt: string } };

export type UsageLogFieldsFragment = { __typename?: 'UsageLog', id: string, requestId: string, time: string, userId: number, tokenId: number, channelId?: number | null, endpoint: string, model: string, upstreamModel?: string | null, group: string, promptTokens: number, completionTokens: number, cachedTokens: number, reasoningTokens: number, quota: string, latencyMs: number, ttftMs?: number | null, stream: boolean, status: string, httpStatus: number, errorMessage?: string | null, clientIp?: string | null, usageEstimated: boolean, attempts?: unknown | null };

export type UsageLogsQueryVariables = Exact<{
  filter?: InputMaybe<UsageLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type UsageLogsQuery = { __typename?: 'Query', usageLogs: { __typename?: 'UsageLogConnection', edges: Array<{ __typename?: 'UsageLogEdge', cursor: string, node: { __typename?: 'UsageLog', id: string, requestId: string, time: string, userId: number, tokenId: number, channelId?: number | null, endpoint: string, model: string, upstreamModel?: string | null, group: string, promptTokens: number, completionTokens: number, cachedTokens: number, reasoningTokens: number, quota: string, latencyMs: number, ttftMs?: number | null, stream: boolean, status: string, httpStatus: number, errorMessage?: string | null, clientIp?: string | null, usageEstimated: boolean, attempts?: unknown | null } }>, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean } } };

export type UsageLogTotalsQueryVariables = Exact<{
  filter?: InputMaybe<UsageLogFilter>;
}>;


export type UsageLogTotalsQuery = { __typename?: 'Query', usageLogTotals: { __typename?: 'UsageLogTotals', requests: number, errors: number, promptTokens: string, completionTokens: string, quota: string } };

export type UsageByDayQueryVariables = Exact<{
  range: UsageStatsRange;
}>;


export type UsageByDayQuery = { __typename?: 'Query', usageByDay: Array<{ __typename?: 'DailyModelUsage', day: string, model: string, requests: number, errors: number, promptTokens: string, completionTokens: string, quota: string, avgLatencyMs: number }> };

export type UsageByChannelQueryVariables = Exact<{
  range: UsageStatsRange;
}>;


export type UsageByChannelQuery = { __typename?: 'Query', usageByChannel: Array<{ __typename?: 'ChannelUsage', channelId: number, channelName?: string | null, requests: number, errors: number, quota: string, avgLatencyMs: number }> };

export type TopCustomersQueryVariables = Exact<{
  range: UsageStatsRange;
  limit: Scalars['Int']['input'];
}>;


export type TopCustomersQuery = { __typename?: 'Query', topCustomers: Array<{ __typename?: 'CustomerUsage', userId: number, username?: string | null, requests: number, quota: string }> };

export type TopTokensQueryVariables = Exact<{
  range: UsageStatsRange;
  limit: Scalars['Int']['input'];
}>;


export type TopTokensQuery = { __typename?: 'Query', topTokens: Array<{ __typename?: 'TokenUsage', tokenId: number, tokenName?: string | null, userId: number, requests: number, quota: string }> };

export type UserFieldsFragment = { __typename?: 'User', id: string, username: string, displayName?: string | null, email?: string | null, role: string, group: string, quota: string, usedQuota: string, requestCount: number, rpm: number, tpm: number, status: string, lastLoginAt?: string | null, createdAt: string };

export type UsersQueryVariables = Exact<{
  role?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
}>;


export type UsersQuery = { __typename?: 'Query', users: { __typename?: 'UserPage', total: number, items: Array<{ __typename?: 'User', id: string, username: string, displayName?: string | null, email?: string | null, role: string, group: string, quota: string, usedQuota: string, requestCount: number, rpm: number, tpm: number, status: string, lastLoginAt?: string | null, createdAt: string }> } };

export type UserQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UserQuery = { __typename?: 'Query', user: { __typename?: 'User', id: string, username: string, displayName?: string | null, email?: string | null, role: string, group: string, quota: string, usedQuota: string, requestCount: number, rpm: number, tpm: number, status: string, lastLoginAt?: string | null, createdAt: string } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { __typename?: 'Mutation', createUser: { __typename?: 'User', id: string, username: string, displayName?: string | null, email?: string | null, role: string, group: string, quota: string, usedQuota: string, requestCount: number, rpm: number, tpm: number, status: string, lastLoginAt?: string | null, createdAt: string } };

export type UpdateUserMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { __typename?: 'Mutation', updateUser: { __typename?: 'User', id: string, username: string, displayName?: string | null, email?: string | null, role: string, group: string, quota: string, usedQuota: string, requestCount: number, rpm: number, tpm: number, status: string, lastLoginAt?: string | null, createdAt: string } };

export type AdjustUserQuotaMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  amount: Scalars['BigInt']['input'];
  reason: Scalars['String']['input'];
}>;


export type AdjustUserQuotaMutation = { __typename?: 'Mutation', adjustUserQuota: { __typename?: 'TopUp', id: string, amount: string, reason: string } };

export const ChannelFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"modelMapping"}},{"kind":"Field","name":{"kind":"Name","value":"headers"}},{"kind":"Field","name":{"kind":"Name","value":"passthroughHeaders"}},{"kind":"Field","name":{"kind":"Name","value":"keyStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"streamUsage"}},{"kind":"Field","name":{"kind":"Name","value":"autoTest"}},{"kind":"Field","name":{"kind":"Name","value":"autoDisable"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"lastTestAt"}},{"kind":"Field","name":{"kind":"Name","value":"balanceUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"maskedKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectMs"}},{"kind":"Field","name":{"kind":"Name","value":"firstByteMs"}},{"kind":"Field","name":{"kind":"Name","value":"streamIdleMs"}}]}}]}}]} as unknown as DocumentNode<ChannelFieldsFragment, unknown>;
export const TokenFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"keyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"unlimited"}},{"kind":"Field","name":{"kind":"Name","value":"remainQuota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"ipWhitelist"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"quotaReset"}},{"kind":"Field","name":{"kind":"Name","value":"resetAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<TokenFieldsFragment, unknown>;
export const UsageLogFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsageLogFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UsageLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamModel"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningTokens"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"ttftMs"}},{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"clientIp"}},{"kind":"Field","name":{"kind":"Name","value":"usageEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]} as unknown as DocumentNode<UsageLogFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<UserFieldsFragment, unknown>;
export const RedemptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Redemptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redemptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"batchName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchName"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"batchName"}},{"kind":"Field","name":{"kind":"Name","value":"codePrefix"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedById"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<RedemptionsQuery, RedemptionsQueryVariables>;
export const GenerateRedemptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateRedemptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateRedemptionsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateRedemptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batchName"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}}]}}]}}]} as unknown as DocumentNode<GenerateRedemptionsMutation, GenerateRedemptionsMutationVariables>;
export const DisableRedemptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableRedemptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableRedemptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}]}}]} as unknown as DocumentNode<DisableRedemptionsMutation, DisableRedemptionsMutationVariables>;
export const RedeemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Redeem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quota"}}]}}]}}]} as unknown as DocumentNode<RedeemMutation, RedeemMutationVariables>;
export const AuditLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogsQuery, AuditLogsQueryVariables>;
export const OptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"relay"}}]}}]}}]} as unknown as DocumentNode<OptionsQuery, OptionsQueryVariables>;
export const SetOptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetOption"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"value"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setOption"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"value"},"value":{"kind":"Variable","name":{"kind":"Name","value":"value"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"relay"}}]}}]}}]} as unknown as DocumentNode<SetOptionMutation, SetOptionMutationVariables>;
export const MyAccessTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAccessTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAccessTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]} as unknown as DocumentNode<MyAccessTokensQuery, MyAccessTokensQueryVariables>;
export const CreateAccessTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAccessToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInDays"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAccessToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"expiresInDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<CreateAccessTokenMutation, CreateAccessTokenMutationVariables>;
export const RevokeAccessTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeAccessToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeAccessToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeAccessTokenMutation, RevokeAccessTokenMutationVariables>;
export const ChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Channels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"modelMapping"}},{"kind":"Field","name":{"kind":"Name","value":"headers"}},{"kind":"Field","name":{"kind":"Name","value":"passthroughHeaders"}},{"kind":"Field","name":{"kind":"Name","value":"keyStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"streamUsage"}},{"kind":"Field","name":{"kind":"Name","value":"autoTest"}},{"kind":"Field","name":{"kind":"Name","value":"autoDisable"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"lastTestAt"}},{"kind":"Field","name":{"kind":"Name","value":"balanceUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"maskedKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectMs"}},{"kind":"Field","name":{"kind":"Name","value":"firstByteMs"}},{"kind":"Field","name":{"kind":"Name","value":"streamIdleMs"}}]}}]}}]} as unknown as DocumentNode<ChannelsQuery, ChannelsQueryVariables>;
export const CreateChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateChannelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"modelMapping"}},{"kind":"Field","name":{"kind":"Name","value":"headers"}},{"kind":"Field","name":{"kind":"Name","value":"passthroughHeaders"}},{"kind":"Field","name":{"kind":"Name","value":"keyStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"streamUsage"}},{"kind":"Field","name":{"kind":"Name","value":"autoTest"}},{"kind":"Field","name":{"kind":"Name","value":"autoDisable"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"lastTestAt"}},{"kind":"Field","name":{"kind":"Name","value":"balanceUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"maskedKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectMs"}},{"kind":"Field","name":{"kind":"Name","value":"firstByteMs"}},{"kind":"Field","name":{"kind":"Name","value":"streamIdleMs"}}]}}]}}]} as unknown as DocumentNode<CreateChannelMutation, CreateChannelMutationVariables>;
export const UpdateChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateChannelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"modelMapping"}},{"kind":"Field","name":{"kind":"Name","value":"headers"}},{"kind":"Field","name":{"kind":"Name","value":"passthroughHeaders"}},{"kind":"Field","name":{"kind":"Name","value":"keyStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"streamUsage"}},{"kind":"Field","name":{"kind":"Name","value":"autoTest"}},{"kind":"Field","name":{"kind":"Name","value":"autoDisable"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"lastTestAt"}},{"kind":"Field","name":{"kind":"Name","value":"balanceUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"maskedKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"masked"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeouts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connectMs"}},{"kind":"Field","name":{"kind":"Name","value":"firstByteMs"}},{"kind":"Field","name":{"kind":"Name","value":"streamIdleMs"}}]}}]}}]} as unknown as DocumentNode<UpdateChannelMutation, UpdateChannelMutationVariables>;
export const EnableChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableChannels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableChannels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}}]}}]} as unknown as DocumentNode<EnableChannelsMutation, EnableChannelsMutationVariables>;
export const DisableChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableChannels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableChannels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}}]}}]} as unknown as DocumentNode<DisableChannelsMutation, DisableChannelsMutationVariables>;
export const SetChannelPriorityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetChannelPriority"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"priority"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setChannelPriority"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"priority"},"value":{"kind":"Variable","name":{"kind":"Name","value":"priority"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}}]}}]} as unknown as DocumentNode<SetChannelPriorityMutation, SetChannelPriorityMutationVariables>;
export const DeleteChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteChannels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteChannels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}]}}]} as unknown as DocumentNode<DeleteChannelsMutation, DeleteChannelsMutationVariables>;
export const TestChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"fatal"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]} as unknown as DocumentNode<TestChannelMutation, TestChannelMutationVariables>;
export const FetchChannelModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FetchChannelModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fetchChannelModels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<FetchChannelModelsMutation, FetchChannelModelsMutationVariables>;
export const ChannelHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ChannelHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channelHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ChannelHealthSubscription, ChannelHealthSubscriptionVariables>;
export const StartTestChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartTestChannels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startTestChannels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}}]}}]}}]} as unknown as DocumentNode<StartTestChannelsMutation, StartTestChannelsMutationVariables>;
export const JobProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"JobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"failedReason"}}]}}]}}]} as unknown as DocumentNode<JobProgressSubscription, JobProgressSubscriptionVariables>;
export const GroupNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<GroupNamesQuery, GroupNamesQueryVariables>;
export const GroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<GroupsQuery, GroupsQueryVariables>;
export const CreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ratio"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"ratio"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ratio"}}},{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<CreateGroupMutation, CreateGroupMutationVariables>;
export const UpdateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ratio"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"ratio"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ratio"}}},{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<UpdateGroupMutation, UpdateGroupMutationVariables>;
export const DeleteGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteGroupMutation, DeleteGroupMutationVariables>;
export const ModelPricesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelPrices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelPrices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"modelRatio"}},{"kind":"Field","name":{"kind":"Name","value":"completionRatio"}},{"kind":"Field","name":{"kind":"Name","value":"cachedRatio"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteRatio"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningRatio"}},{"kind":"Field","name":{"kind":"Name","value":"perCallQuota"}},{"kind":"Field","name":{"kind":"Name","value":"inputUsdPerMillion"}},{"kind":"Field","name":{"kind":"Name","value":"outputUsdPerMillion"}}]}}]}}]} as unknown as DocumentNode<ModelPricesQuery, ModelPricesQueryVariables>;
export const UpsertModelPriceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertModelPrice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelPriceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertModelPrice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"modelRatio"}},{"kind":"Field","name":{"kind":"Name","value":"completionRatio"}},{"kind":"Field","name":{"kind":"Name","value":"cachedRatio"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteRatio"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningRatio"}},{"kind":"Field","name":{"kind":"Name","value":"perCallQuota"}},{"kind":"Field","name":{"kind":"Name","value":"inputUsdPerMillion"}},{"kind":"Field","name":{"kind":"Name","value":"outputUsdPerMillion"}}]}}]}}]} as unknown as DocumentNode<UpsertModelPriceMutation, UpsertModelPriceMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const QuotaPerUsdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuotaPerUsd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quotaPerUsd"}}]}}]} as unknown as DocumentNode<QuotaPerUsdQuery, QuotaPerUsdQueryVariables>;
export const PasswordStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PasswordState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]} as unknown as DocumentNode<PasswordStateQuery, PasswordStateQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const TokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"keyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"unlimited"}},{"kind":"Field","name":{"kind":"Name","value":"remainQuota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"ipWhitelist"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"quotaReset"}},{"kind":"Field","name":{"kind":"Name","value":"resetAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<TokensQuery, TokensQueryVariables>;
export const CreateTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"keyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"unlimited"}},{"kind":"Field","name":{"kind":"Name","value":"remainQuota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"ipWhitelist"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"quotaReset"}},{"kind":"Field","name":{"kind":"Name","value":"resetAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CreateTokenMutation, CreateTokenMutationVariables>;
export const UpdateTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"keyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"unlimited"}},{"kind":"Field","name":{"kind":"Name","value":"remainQuota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"ipWhitelist"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"quotaReset"}},{"kind":"Field","name":{"kind":"Name","value":"resetAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<UpdateTokenMutation, UpdateTokenMutationVariables>;
export const RegenerateTokenKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegenerateTokenKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regenerateTokenKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Token"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"keyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"unlimited"}},{"kind":"Field","name":{"kind":"Name","value":"remainQuota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"ipWhitelist"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"quotaReset"}},{"kind":"Field","name":{"kind":"Name","value":"resetAmount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RegenerateTokenKeyMutation, RegenerateTokenKeyMutationVariables>;
export const DeleteTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}]}}]} as unknown as DocumentNode<DeleteTokensMutation, DeleteTokensMutationVariables>;
export const ExportTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}}]}]}}]} as unknown as DocumentNode<ExportTokensQuery, ExportTokensQueryVariables>;
export const CreatePlaygroundTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePlaygroundToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPlaygroundToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<CreatePlaygroundTokenMutation, CreatePlaygroundTokenMutationVariables>;
export const UsageLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsageLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usageLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UsageLogFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsageLogFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UsageLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamModel"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningTokens"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"ttftMs"}},{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"clientIp"}},{"kind":"Field","name":{"kind":"Name","value":"usageEstimated"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]} as unknown as DocumentNode<UsageLogsQuery, UsageLogsQueryVariables>;
export const UsageLogTotalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsageLogTotals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usageLogTotals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}}]}}]}}]} as unknown as DocumentNode<UsageLogTotalsQuery, UsageLogTotalsQueryVariables>;
export const UsageByDayDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsageByDay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageStatsRange"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usageByDay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"avgLatencyMs"}}]}}]}}]} as unknown as DocumentNode<UsageByDayQuery, UsageByDayQueryVariables>;
export const UsageByChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsageByChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageStatsRange"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usageByChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"channelName"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"avgLatencyMs"}}]}}]}}]} as unknown as DocumentNode<UsageByChannelQuery, UsageByChannelQueryVariables>;
export const TopCustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TopCustomers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageStatsRange"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topCustomers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}}]}}]}}]} as unknown as DocumentNode<TopCustomersQuery, TopCustomersQueryVariables>;
export const TopTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TopTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageStatsRange"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenName"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}}]}}]}}]} as unknown as DocumentNode<TopTokensQuery, TopTokensQueryVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const UserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"User"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<UserQuery, UserQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"quota"}},{"kind":"Field","name":{"kind":"Name","value":"usedQuota"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"rpm"}},{"kind":"Field","name":{"kind":"Name","value":"tpm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastLoginAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const AdjustUserQuotaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustUserQuota"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BigInt"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustUserQuota"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<AdjustUserQuotaMutation, AdjustUserQuotaMutationVariables>;