import type { ChannelTimeouts } from '@switchboard/shared/relay-config';
import type { Usage } from '@switchboard/shared/openai';
import type { Dispatcher } from 'undici';

/**
 * The contract between the relay pipeline and a provider adapter. The pipeline authenticates,
 * picks a channel and key, maps the model, reserves quota, then calls `adapter.execute` once
 * per attempt. The adapter talks to the upstream and returns OpenAI-shaped output; it never
 * writes to the client. On failure it throws {@link UpstreamError}, whose flags decide retry,
 * failover and auto-disable.
 */
export type Endpoint =
  | 'chat.completions'
  | 'completions'
  | 'embeddings'
  | 'images.generations'
  | 'audio.speech'
  | 'audio.transcriptions'
  | 'audio.translations'
  | 'moderations'
  | 'responses'
  | 'responses.get'
  | 'responses.delete'
  | 'responses.input_items'
  | 'responses.cancel';

export interface AdapterChannel {
  id: number;
  name: string;
  type: string;
  baseUrl: string;
  /** Provider-specific settings (shared/providers fields). */
  config: Record<string, unknown>;
  /** Static extra headers set by the admin. */
  headers: Record<string, string>;
  /** Ask OpenAI-type upstreams for stream usage. */
  streamUsage: boolean;
  timeouts: ChannelTimeouts;
}

export interface AdapterLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

/** Process-local cache for short-lived provider credentials (Baidu access tokens, …). */
export interface CredentialCache {
  /** Returns the cached value, or runs `load` once (concurrent callers share it). */
  get(key: string, load: () => Promise<{ value: string; expiresAt: number }>): Promise<string>;
  delete(key: string): void;
}

export interface AdapterContext {
  channel: AdapterChannel;
  /** Decrypted key chosen for this attempt (may be "AK|SK" style). Never log it. */
  key: string;
  /** Client headers the channel passes through, lower-case names. */
  passthroughHeaders: Record<string, string>;
  /** Aborted when the client goes away or the attempt times out. */
  signal: AbortSignal;
  /** Keep-alive dispatcher for this channel, with its connect / first-byte / idle timeouts. */
  dispatcher: Dispatcher;
  log: AdapterLogger;
  /** Fetches an image URL for inlining, refusing private addresses (SSRF), size/time bound. */
  fetchImage(url: string): Promise<{ mimeType: string; data: Buffer }>;
  cache: CredentialCache;
}

export interface AdapterRequest {
  endpoint: Endpoint;
  /** Parsed JSON body, `model` already mapped to the upstream model; unknown fields kept. */
  body: Record<string, unknown>;
  /**
   * The client's JSON bytes, present only while `body` is unchanged (no model mapping): an
   * adapter that sends the same JSON upstream may forward these instead of re-serializing.
   */
  bodyBytes?: Buffer;
  /** Multipart endpoints (audio transcriptions/translations): the client's body as-is. */
  raw?: { contentType: string; body: Buffer };
  /** The upstream model name. */
  model: string;
  stream: boolean;
  /** The client asked for a usage chunk (`stream_options.include_usage`). */
  clientWantsStreamUsage: boolean;
  /** For responses.get / responses.delete: the response id; for GET query strings. */
  resourceId?: string;
  query?: string;
}

/** One SSE event to write to the client: `event:` line (if any) and `data:` payload. */
export interface StreamPart {
  event?: string;
  /** The exact data payload (JSON text of an OpenAI chunk or event, or "[DONE]"). */
  data: string;
}

export type AdapterResult =
  | {
      kind: 'json';
      status: number;
      /** OpenAI-shaped body: bytes forwarded as-is, or an object to serialize. */
      body: Buffer | object;
      usage: Usage | null;
      /** Responses API: the response id, so follow-ups go to the same channel. */
      responseId?: string;
    }
  | {
      kind: 'stream';
      /** Yields OpenAI-shaped events as soon as each upstream event arrives. */
      parts: AsyncIterable<StreamPart>;
      /** Valid once `parts` is exhausted (or broken off): the usage the upstream reported. */
      usage(): Usage | null;
      /** Text produced so far, to count tokens when the upstream reports no usage. */
      completionText(): string;
      responseId?(): string | undefined;
    }
  | {
      kind: 'binary';
      status: number;
      contentType: string;
      body: Buffer | AsyncIterable<Uint8Array>;
      usage: Usage | null;
    };

export interface ProviderAdapter {
  /** Provider type, as in shared/providers. */
  readonly type: string;
  readonly endpoints: ReadonlySet<Endpoint>;
  execute(req: AdapterRequest, ctx: AdapterContext): Promise<AdapterResult>;
  /** Upstream model ids (channel "fetch models"). */
  listModels?(ctx: AdapterContext): Promise<string[]>;
  /** Upstream account balance in USD, where the provider reports one. */
  balance?(ctx: AdapterContext): Promise<number | null>;
}

export interface UpstreamErrorInfo {
  /** Status to answer the client with (already mapped: auth → 401, rate → 429, …). */
  status: number;
  /** OpenAI error `type` and `code` for the client. */
  type: string;
  code: string | null;
  /** Client-safe message: no key, signed URL or internal host. */
  message: string;
  /** Another channel may succeed (connect error, timeout, 429, 5xx, fatal key errors). */
  retryable: boolean;
  /** Auto-disable the key (invalid key, no balance, deactivated), or the whole channel. */
  fatal: 'key' | 'channel' | null;
  /** Upstream status (0 = no response) and detail for logs and channel health. */
  upstreamStatus: number;
  detail: string;
}

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(readonly info: UpstreamErrorInfo) {
    super(info.message);
  }
}
