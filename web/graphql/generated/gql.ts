/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Redemptions($status: String, $batchName: String, $limit: Int!, $offset: Int!) {\n    redemptions(status: $status, batchName: $batchName, limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        batchName\n        codePrefix\n        quota\n        status\n        redeemedById\n        redeemedAt\n        expiresAt\n        createdAt\n      }\n    }\n  }\n": typeof types.RedemptionsDocument,
    "\n  mutation GenerateRedemptions($input: GenerateRedemptionsInput!) {\n    generateRedemptions(input: $input) {\n      batchName\n      codes\n    }\n  }\n": typeof types.GenerateRedemptionsDocument,
    "\n  mutation DisableRedemptions($ids: [ID!]!) {\n    disableRedemptions(ids: $ids)\n  }\n": typeof types.DisableRedemptionsDocument,
    "\n  mutation Redeem($code: String!) {\n    redeem(code: $code) {\n      quota\n    }\n  }\n": typeof types.RedeemDocument,
    "\n  query AuditLogs($filter: AuditLogFilter, $before: ID, $limit: Int!) {\n    auditLogs(filter: $filter, before: $before, limit: $limit) {\n      nextCursor\n      items {\n        id\n        createdAt\n        actorId\n        actorName\n        action\n        targetType\n        targetId\n        before\n        after\n        ip\n      }\n    }\n  }\n": typeof types.AuditLogsDocument,
    "\n  query Options {\n    options {\n      key\n      value\n      defaultValue\n      description\n      relay\n    }\n  }\n": typeof types.OptionsDocument,
    "\n  mutation SetOption($key: String!, $value: JSON!) {\n    setOption(key: $key, value: $value) {\n      key\n      value\n      defaultValue\n      description\n      relay\n    }\n  }\n": typeof types.SetOptionDocument,
    "\n  query MyAccessTokens {\n    myAccessTokens {\n      id\n      name\n      kind\n      prefix\n      createdAt\n      expiresAt\n      lastUsedAt\n    }\n  }\n": typeof types.MyAccessTokensDocument,
    "\n  mutation CreateAccessToken($name: String!, $expiresInDays: Float) {\n    createAccessToken(name: $name, expiresInDays: $expiresInDays) {\n      token\n    }\n  }\n": typeof types.CreateAccessTokenDocument,
    "\n  mutation RevokeAccessToken($id: ID!) {\n    revokeAccessToken(id: $id)\n  }\n": typeof types.RevokeAccessTokenDocument,
    "\n  fragment ChannelFields on Channel {\n    id\n    type\n    name\n    baseUrl\n    models\n    groups\n    priority\n    weight\n    modelMapping\n    headers\n    passthroughHeaders\n    keyStrategy\n    streamUsage\n    autoTest\n    autoDisable\n    config\n    status\n    statusReason\n    responseTimeMs\n    lastTestAt\n    balanceUsd\n    usedQuota\n    maskedKeys {\n      index\n      masked\n      disabled\n    }\n    timeouts {\n      connectMs\n      firstByteMs\n      streamIdleMs\n    }\n  }\n": typeof types.ChannelFieldsFragmentDoc,
    "\n  query Channels($status: String, $type: String, $search: String) {\n    channels(status: $status, type: $type, search: $search) {\n      ...ChannelFields\n    }\n  }\n": typeof types.ChannelsDocument,
    "\n  mutation CreateChannel($input: CreateChannelInput!) {\n    createChannel(input: $input) {\n      ...ChannelFields\n    }\n  }\n": typeof types.CreateChannelDocument,
    "\n  mutation UpdateChannel($id: ID!, $input: UpdateChannelInput!) {\n    updateChannel(id: $id, input: $input) {\n      ...ChannelFields\n    }\n  }\n": typeof types.UpdateChannelDocument,
    "\n  mutation EnableChannels($ids: [ID!]!) {\n    enableChannels(ids: $ids) {\n      id\n      status\n      statusReason\n    }\n  }\n": typeof types.EnableChannelsDocument,
    "\n  mutation DisableChannels($ids: [ID!]!, $reason: String) {\n    disableChannels(ids: $ids, reason: $reason) {\n      id\n      status\n      statusReason\n    }\n  }\n": typeof types.DisableChannelsDocument,
    "\n  mutation SetChannelPriority($ids: [ID!]!, $priority: Int!) {\n    setChannelPriority(ids: $ids, priority: $priority) {\n      id\n      priority\n    }\n  }\n": typeof types.SetChannelPriorityDocument,
    "\n  mutation DeleteChannels($ids: [ID!]!) {\n    deleteChannels(ids: $ids)\n  }\n": typeof types.DeleteChannelsDocument,
    "\n  mutation TestChannel($id: ID!, $model: String) {\n    testChannel(id: $id, model: $model) {\n      ok\n      latencyMs\n      status\n      error\n      fatal\n      model\n    }\n  }\n": typeof types.TestChannelDocument,
    "\n  mutation FetchChannelModels($id: ID!) {\n    fetchChannelModels(id: $id)\n  }\n": typeof types.FetchChannelModelsDocument,
    "\n  subscription ChannelHealth {\n    channelHealth {\n      kind\n      channelId\n      status\n      reason\n      ok\n      latencyMs\n      error\n      at\n    }\n  }\n": typeof types.ChannelHealthDocument,
    "\n  mutation StartTestChannels($ids: [ID!]) {\n    startTestChannels(ids: $ids) {\n      jobId\n    }\n  }\n": typeof types.StartTestChannelsDocument,
    "\n  subscription JobProgress($jobId: ID!) {\n    jobProgress(jobId: $jobId) {\n      jobId\n      name\n      state\n      progress\n      message\n      result\n      failedReason\n    }\n  }\n": typeof types.JobProgressDocument,
    "\n  query GroupNames {\n    groups {\n      name\n    }\n  }\n": typeof types.GroupNamesDocument,
    "\n  query Groups {\n    groups {\n      id\n      name\n      ratio\n      description\n    }\n  }\n": typeof types.GroupsDocument,
    "\n  mutation CreateGroup($name: String!, $ratio: String!, $description: String) {\n    createGroup(name: $name, ratio: $ratio, description: $description) {\n      id\n      name\n      ratio\n      description\n    }\n  }\n": typeof types.CreateGroupDocument,
    "\n  mutation UpdateGroup($id: ID!, $ratio: String, $description: String) {\n    updateGroup(id: $id, ratio: $ratio, description: $description) {\n      id\n      name\n      ratio\n      description\n    }\n  }\n": typeof types.UpdateGroupDocument,
    "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n": typeof types.DeleteGroupDocument,
    "\n  query ModelPrices($search: String) {\n    modelPrices(search: $search) {\n      id\n      model\n      modelRatio\n      completionRatio\n      cachedRatio\n      cacheWriteRatio\n      reasoningRatio\n      perCallQuota\n      inputUsdPerMillion\n      outputUsdPerMillion\n    }\n  }\n": typeof types.ModelPricesDocument,
    "\n  mutation UpsertModelPrice($input: ModelPriceInput!) {\n    upsertModelPrice(input: $input) {\n      id\n      model\n      modelRatio\n      completionRatio\n      cachedRatio\n      cacheWriteRatio\n      reasoningRatio\n      perCallQuota\n      inputUsdPerMillion\n      outputUsdPerMillion\n    }\n  }\n": typeof types.UpsertModelPriceDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n      group\n      quota\n      usedQuota\n      requestCount\n    }\n  }\n": typeof types.MeDocument,
    "\n  query QuotaPerUsd {\n    quotaPerUsd\n  }\n": typeof types.QuotaPerUsdDocument,
    "\n  query PasswordState {\n    me {\n      id\n      mustChangePassword\n    }\n  }\n": typeof types.PasswordStateDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        id\n        role\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment TokenFields on Token {\n    id\n    userId\n    name\n    keyPrefix\n    status\n    expiresAt\n    unlimited\n    remainQuota\n    usedQuota\n    models\n    ipWhitelist\n    group\n    rpm\n    tpm\n    quotaReset\n    resetAmount\n    lastUsedAt\n    createdAt\n  }\n": typeof types.TokenFieldsFragmentDoc,
    "\n  query Tokens($userId: Int, $search: String, $status: String, $limit: Int, $offset: Int) {\n    tokens(userId: $userId, search: $search, status: $status, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...TokenFields\n      }\n    }\n  }\n": typeof types.TokensDocument,
    "\n  mutation CreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      key\n      token {\n        ...TokenFields\n      }\n    }\n  }\n": typeof types.CreateTokenDocument,
    "\n  mutation UpdateToken($id: ID!, $input: UpdateTokenInput!) {\n    updateToken(id: $id, input: $input) {\n      ...TokenFields\n    }\n  }\n": typeof types.UpdateTokenDocument,
    "\n  mutation RegenerateTokenKey($id: ID!) {\n    regenerateTokenKey(id: $id) {\n      key\n      token {\n        ...TokenFields\n      }\n    }\n  }\n": typeof types.RegenerateTokenKeyDocument,
    "\n  mutation DeleteTokens($ids: [ID!]!) {\n    deleteTokens(ids: $ids)\n  }\n": typeof types.DeleteTokensDocument,
    "\n  query ExportTokens($userId: Int, $format: String!) {\n    exportTokens(userId: $userId, format: $format)\n  }\n": typeof types.ExportTokensDocument,
    "\n  mutation CreatePlaygroundToken {\n    createPlaygroundToken {\n      key\n      expiresAt\n    }\n  }\n": typeof types.CreatePlaygroundTokenDocument,
    "\n  fragment UsageLogFields on UsageLog {\n    id\n    requestId\n    time\n    userId\n    tokenId\n    channelId\n    endpoint\n    model\n    upstreamModel\n    group\n    promptTokens\n    completionTokens\n    cachedTokens\n    reasoningTokens\n    quota\n    latencyMs\n    ttftMs\n    stream\n    status\n    httpStatus\n    errorMessage\n    clientIp\n    usageEstimated\n    attempts\n  }\n": typeof types.UsageLogFieldsFragmentDoc,
    "\n  query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {\n    usageLogs(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...UsageLogFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.UsageLogsDocument,
    "\n  query UsageLogTotals($filter: UsageLogFilter) {\n    usageLogTotals(filter: $filter) {\n      requests\n      errors\n      promptTokens\n      completionTokens\n      quota\n    }\n  }\n": typeof types.UsageLogTotalsDocument,
    "\n  query UsageByDay($range: UsageStatsRange!) {\n    usageByDay(range: $range) {\n      day\n      model\n      requests\n      errors\n      promptTokens\n      completionTokens\n      quota\n      avgLatencyMs\n    }\n  }\n": typeof types.UsageByDayDocument,
    "\n  query UsageByChannel($range: UsageStatsRange!) {\n    usageByChannel(range: $range) {\n      channelId\n      channelName\n      requests\n      errors\n      quota\n      avgLatencyMs\n    }\n  }\n": typeof types.UsageByChannelDocument,
    "\n  query TopCustomers($range: UsageStatsRange!, $limit: Int!) {\n    topCustomers(range: $range, limit: $limit) {\n      userId\n      username\n      requests\n      quota\n    }\n  }\n": typeof types.TopCustomersDocument,
    "\n  query TopTokens($range: UsageStatsRange!, $limit: Int!) {\n    topTokens(range: $range, limit: $limit) {\n      tokenId\n      tokenName\n      userId\n      requests\n      quota\n    }\n  }\n": typeof types.TopTokensDocument,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    email\n    role\n    group\n    quota\n    usedQuota\n    requestCount\n    rpm\n    tpm\n    status\n    lastLoginAt\n    createdAt\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users($role: String, $search: String, $limit: Int, $offset: Int) {\n    users(role: $role, search: $search, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...UserFields\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation AdjustUserQuota($userId: ID!, $amount: BigInt!, $reason: String!) {\n    adjustUserQuota(userId: $userId, amount: $amount, reason: $reason) {\n      id\n      amount\n      reason\n    }\n  }\n": typeof types.AdjustUserQuotaDocument,
};
const documents: Documents = {
    "\n  query Redemptions($status: String, $batchName: String, $limit: Int!, $offset: Int!) {\n    redemptions(status: $status, batchName: $batchName, limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        batchName\n        codePrefix\n        quota\n        status\n        redeemedById\n        redeemedAt\n        expiresAt\n        createdAt\n      }\n    }\n  }\n": types.RedemptionsDocument,
    "\n  mutation GenerateRedemptions($input: GenerateRedemptionsInput!) {\n    generateRedemptions(input: $input) {\n      batchName\n      codes\n    }\n  }\n": types.GenerateRedemptionsDocument,
    "\n  mutation DisableRedemptions($ids: [ID!]!) {\n    disableRedemptions(ids: $ids)\n  }\n": types.DisableRedemptionsDocument,
    "\n  mutation Redeem($code: String!) {\n    redeem(code: $code) {\n      quota\n    }\n  }\n": types.RedeemDocument,
    "\n  query AuditLogs($filter: AuditLogFilter, $before: ID, $limit: Int!) {\n    auditLogs(filter: $filter, before: $before, limit: $limit) {\n      nextCursor\n      items {\n        id\n        createdAt\n        actorId\n        actorName\n        action\n        targetType\n        targetId\n        before\n        after\n        ip\n      }\n    }\n  }\n": types.AuditLogsDocument,
    "\n  query Options {\n    options {\n      key\n      value\n      defaultValue\n      description\n      relay\n    }\n  }\n": types.OptionsDocument,
    "\n  mutation SetOption($key: String!, $value: JSON!) {\n    setOption(key: $key, value: $value) {\n      key\n      value\n      defaultValue\n      description\n      relay\n    }\n  }\n": types.SetOptionDocument,
    "\n  query MyAccessTokens {\n    myAccessTokens {\n      id\n      name\n      kind\n      prefix\n      createdAt\n      expiresAt\n      lastUsedAt\n    }\n  }\n": types.MyAccessTokensDocument,
    "\n  mutation CreateAccessToken($name: String!, $expiresInDays: Float) {\n    createAccessToken(name: $name, expiresInDays: $expiresInDays) {\n      token\n    }\n  }\n": types.CreateAccessTokenDocument,
    "\n  mutation RevokeAccessToken($id: ID!) {\n    revokeAccessToken(id: $id)\n  }\n": types.RevokeAccessTokenDocument,
    "\n  fragment ChannelFields on Channel {\n    id\n    type\n    name\n    baseUrl\n    models\n    groups\n    priority\n    weight\n    modelMapping\n    headers\n    passthroughHeaders\n    keyStrategy\n    streamUsage\n    autoTest\n    autoDisable\n    config\n    status\n    statusReason\n    responseTimeMs\n    lastTestAt\n    balanceUsd\n    usedQuota\n    maskedKeys {\n      index\n      masked\n      disabled\n    }\n    timeouts {\n      connectMs\n      firstByteMs\n      streamIdleMs\n    }\n  }\n": types.ChannelFieldsFragmentDoc,
    "\n  query Channels($status: String, $type: String, $search: String) {\n    channels(status: $status, type: $type, search: $search) {\n      ...ChannelFields\n    }\n  }\n": types.ChannelsDocument,
    "\n  mutation CreateChannel($input: CreateChannelInput!) {\n    createChannel(input: $input) {\n      ...ChannelFields\n    }\n  }\n": types.CreateChannelDocument,
    "\n  mutation UpdateChannel($id: ID!, $input: UpdateChannelInput!) {\n    updateChannel(id: $id, input: $input) {\n      ...ChannelFields\n    }\n  }\n": types.UpdateChannelDocument,
    "\n  mutation EnableChannels($ids: [ID!]!) {\n    enableChannels(ids: $ids) {\n      id\n      status\n      statusReason\n    }\n  }\n": types.EnableChannelsDocument,
    "\n  mutation DisableChannels($ids: [ID!]!, $reason: String) {\n    disableChannels(ids: $ids, reason: $reason) {\n      id\n      status\n      statusReason\n    }\n  }\n": types.DisableChannelsDocument,
    "\n  mutation SetChannelPriority($ids: [ID!]!, $priority: Int!) {\n    setChannelPriority(ids: $ids, priority: $priority) {\n      id\n      priority\n    }\n  }\n": types.SetChannelPriorityDocument,
    "\n  mutation DeleteChannels($ids: [ID!]!) {\n    deleteChannels(ids: $ids)\n  }\n": types.DeleteChannelsDocument,
    "\n  mutation TestChannel($id: ID!, $model: String) {\n    testChannel(id: $id, model: $model) {\n      ok\n      latencyMs\n      status\n      error\n      fatal\n      model\n    }\n  }\n": types.TestChannelDocument,
    "\n  mutation FetchChannelModels($id: ID!) {\n    fetchChannelModels(id: $id)\n  }\n": types.FetchChannelModelsDocument,
    "\n  subscription ChannelHealth {\n    channelHealth {\n      kind\n      channelId\n      status\n      reason\n      ok\n      latencyMs\n      error\n      at\n    }\n  }\n": types.ChannelHealthDocument,
    "\n  mutation StartTestChannels($ids: [ID!]) {\n    startTestChannels(ids: $ids) {\n      jobId\n    }\n  }\n": types.StartTestChannelsDocument,
    "\n  subscription JobProgress($jobId: ID!) {\n    jobProgress(jobId: $jobId) {\n      jobId\n      name\n      state\n      progress\n      message\n      result\n      failedReason\n    }\n  }\n": types.JobProgressDocument,
    "\n  query GroupNames {\n    groups {\n      name\n    }\n  }\n": types.GroupNamesDocument,
    "\n  query Groups {\n    groups {\n      id\n      name\n      ratio\n      description\n    }\n  }\n": types.GroupsDocument,
    "\n  mutation CreateGroup($name: String!, $ratio: String!, $description: String) {\n    createGroup(name: $name, ratio: $ratio, description: $description) {\n      id\n      name\n      ratio\n      description\n    }\n  }\n": types.CreateGroupDocument,
    "\n  mutation UpdateGroup($id: ID!, $ratio: String, $description: String) {\n    updateGroup(id: $id, ratio: $ratio, description: $description) {\n      id\n      name\n      ratio\n      description\n    }\n  }\n": types.UpdateGroupDocument,
    "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n": types.DeleteGroupDocument,
    "\n  query ModelPrices($search: String) {\n    modelPrices(search: $search) {\n      id\n      model\n      modelRatio\n      completionRatio\n      cachedRatio\n      cacheWriteRatio\n      reasoningRatio\n      perCallQuota\n      inputUsdPerMillion\n      outputUsdPerMillion\n    }\n  }\n": types.ModelPricesDocument,
    "\n  mutation UpsertModelPrice($input: ModelPriceInput!) {\n    upsertModelPrice(input: $input) {\n      id\n      model\n      modelRatio\n      completionRatio\n      cachedRatio\n      cacheWriteRatio\n      reasoningRatio\n      perCallQuota\n      inputUsdPerMillion\n      outputUsdPerMillion\n    }\n  }\n": types.UpsertModelPriceDocument,
    "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n      group\n      quota\n      usedQuota\n      requestCount\n    }\n  }\n": types.MeDocument,
    "\n  query QuotaPerUsd {\n    quotaPerUsd\n  }\n": types.QuotaPerUsdDocument,
    "\n  query PasswordState {\n    me {\n      id\n      mustChangePassword\n    }\n  }\n": types.PasswordStateDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        id\n        role\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  fragment TokenFields on Token {\n    id\n    userId\n    name\n    keyPrefix\n    status\n    expiresAt\n    unlimited\n    remainQuota\n    usedQuota\n    models\n    ipWhitelist\n    group\n    rpm\n    tpm\n    quotaReset\n    resetAmount\n    lastUsedAt\n    createdAt\n  }\n": types.TokenFieldsFragmentDoc,
    "\n  query Tokens($userId: Int, $search: String, $status: String, $limit: Int, $offset: Int) {\n    tokens(userId: $userId, search: $search, status: $status, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...TokenFields\n      }\n    }\n  }\n": types.TokensDocument,
    "\n  mutation CreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      key\n      token {\n        ...TokenFields\n      }\n    }\n  }\n": types.CreateTokenDocument,
    "\n  mutation UpdateToken($id: ID!, $input: UpdateTokenInput!) {\n    updateToken(id: $id, input: $input) {\n      ...TokenFields\n    }\n  }\n": types.UpdateTokenDocument,
    "\n  mutation RegenerateTokenKey($id: ID!) {\n    regenerateTokenKey(id: $id) {\n      key\n      token {\n        ...TokenFields\n      }\n    }\n  }\n": types.RegenerateTokenKeyDocument,
    "\n  mutation DeleteTokens($ids: [ID!]!) {\n    deleteTokens(ids: $ids)\n  }\n": types.DeleteTokensDocument,
    "\n  query ExportTokens($userId: Int, $format: String!) {\n    exportTokens(userId: $userId, format: $format)\n  }\n": types.ExportTokensDocument,
    "\n  mutation CreatePlaygroundToken {\n    createPlaygroundToken {\n      key\n      expiresAt\n    }\n  }\n": types.CreatePlaygroundTokenDocument,
    "\n  fragment UsageLogFields on UsageLog {\n    id\n    requestId\n    time\n    userId\n    tokenId\n    channelId\n    endpoint\n    model\n    upstreamModel\n    group\n    promptTokens\n    completionTokens\n    cachedTokens\n    reasoningTokens\n    quota\n    latencyMs\n    ttftMs\n    stream\n    status\n    httpStatus\n    errorMessage\n    clientIp\n    usageEstimated\n    attempts\n  }\n": types.UsageLogFieldsFragmentDoc,
    "\n  query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {\n    usageLogs(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...UsageLogFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.UsageLogsDocument,
    "\n  query UsageLogTotals($filter: UsageLogFilter) {\n    usageLogTotals(filter: $filter) {\n      requests\n      errors\n      promptTokens\n      completionTokens\n      quota\n    }\n  }\n": types.UsageLogTotalsDocument,
    "\n  query UsageByDay($range: UsageStatsRange!) {\n    usageByDay(range: $range) {\n      day\n      model\n      requests\n      errors\n      promptTokens\n      completionTokens\n      quota\n      avgLatencyMs\n    }\n  }\n": types.UsageByDayDocument,
    "\n  query UsageByChannel($range: UsageStatsRange!) {\n    usageByChannel(range: $range) {\n      channelId\n      channelName\n      requests\n      errors\n      quota\n      avgLatencyMs\n    }\n  }\n": types.UsageByChannelDocument,
    "\n  query TopCustomers($range: UsageStatsRange!, $limit: Int!) {\n    topCustomers(range: $range, limit: $limit) {\n      userId\n      username\n      requests\n      quota\n    }\n  }\n": types.TopCustomersDocument,
    "\n  query TopTokens($range: UsageStatsRange!, $limit: Int!) {\n    topTokens(range: $range, limit: $limit) {\n      tokenId\n      tokenName\n      userId\n      requests\n      quota\n    }\n  }\n": types.TopTokensDocument,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    email\n    role\n    group\n    quota\n    usedQuota\n    requestCount\n    rpm\n    tpm\n    status\n    lastLoginAt\n    createdAt\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users($role: String, $search: String, $limit: Int, $offset: Int) {\n    users(role: $role, search: $search, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...UserFields\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation AdjustUserQuota($userId: ID!, $amount: BigInt!, $reason: String!) {\n    adjustUserQuota(userId: $userId, amount: $amount, reason: $reason) {\n      id\n      amount\n      reason\n    }\n  }\n": types.AdjustUserQuotaDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Redemptions($status: String, $batchName: String, $limit: Int!, $offset: Int!) {\n    redemptions(status: $status, batchName: $batchName, limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        batchName\n        codePrefix\n        quota\n        status\n        redeemedById\n        redeemedAt\n        expiresAt\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Redemptions($status: String, $batchName: String, $limit: Int!, $offset: Int!) {\n    redemptions(status: $status, batchName: $batchName, limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        batchName\n        codePrefix\n        quota\n        status\n        redeemedById\n        redeemedAt\n        expiresAt\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateRedemptions($input: GenerateRedemptionsInput!) {\n    generateRedemptions(input: $input) {\n      batchName\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateRedemptions($input: GenerateRedemptionsInput!) {\n    generateRedemptions(input: $input) {\n      batchName\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableRedemptions($ids: [ID!]!) {\n    disableRedemptions(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation DisableRedemptions($ids: [ID!]!) {\n    disableRedemptions(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Redeem($code: String!) {\n    redeem(code: $code) {\n      quota\n    }\n  }\n"): (typeof documents)["\n  mutation Redeem($code: String!) {\n    redeem(code: $code) {\n      quota\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogs($filter: AuditLogFilter, $before: ID, $limit: Int!) {\n    auditLogs(filter: $filter, before: $before, limit: $limit) {\n      nextCursor\n      items {\n        id\n        createdAt\n        actorId\n        actorName\n        action\n        targetType\n        targetId\n        before\n        after\n        ip\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLogs($filter: AuditLogFilter, $before: ID, $limit: Int!) {\n    auditLogs(filter: $filter, before: $before, limit: $limit) {\n      nextCursor\n      items {\n        id\n        createdAt\n        actorId\n        actorName\n        action\n        targetType\n        targetId\n        before\n        after\n        ip\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Options {\n    options {\n      key\n      value\n      defaultValue\n      description\n      relay\n    }\n  }\n"): (typeof documents)["\n  query Options {\n    options {\n      key\n      value\n      defaultValue\n      description\n      relay\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOption($key: String!, $value: JSON!) {\n    setOption(key: $key, value: $value) {\n      key\n      value\n      defaultValue\n      description\n      relay\n    }\n  }\n"): (typeof documents)["\n  mutation SetOption($key: String!, $value: JSON!) {\n    setOption(key: $key, value: $value) {\n      key\n      value\n      defaultValue\n      description\n      relay\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccessTokens {\n    myAccessTokens {\n      id\n      name\n      kind\n      prefix\n      createdAt\n      expiresAt\n      lastUsedAt\n    }\n  }\n"): (typeof documents)["\n  query MyAccessTokens {\n    myAccessTokens {\n      id\n      name\n      kind\n      prefix\n      createdAt\n      expiresAt\n      lastUsedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccessToken($name: String!, $expiresInDays: Float) {\n    createAccessToken(name: $name, expiresInDays: $expiresInDays) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAccessToken($name: String!, $expiresInDays: Float) {\n    createAccessToken(name: $name, expiresInDays: $expiresInDays) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAccessToken($id: ID!) {\n    revokeAccessToken(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeAccessToken($id: ID!) {\n    revokeAccessToken(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChannelFields on Channel {\n    id\n    type\n    name\n    baseUrl\n    models\n    groups\n    priority\n    weight\n    modelMapping\n    headers\n    passthroughHeaders\n    keyStrategy\n    streamUsage\n    autoTest\n    autoDisable\n    config\n    status\n    statusReason\n    responseTimeMs\n    lastTestAt\n    balanceUsd\n    usedQuota\n    maskedKeys {\n      index\n      masked\n      disabled\n    }\n    timeouts {\n      connectMs\n      firstByteMs\n      streamIdleMs\n    }\n  }\n"): (typeof documents)["\n  fragment ChannelFields on Channel {\n    id\n    type\n    name\n    baseUrl\n    models\n    groups\n    priority\n    weight\n    modelMapping\n    headers\n    passthroughHeaders\n    keyStrategy\n    streamUsage\n    autoTest\n    autoDisable\n    config\n    status\n    statusReason\n    responseTimeMs\n    lastTestAt\n    balanceUsd\n    usedQuota\n    maskedKeys {\n      index\n      masked\n      disabled\n    }\n    timeouts {\n      connectMs\n      firstByteMs\n      streamIdleMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Channels($status: String, $type: String, $search: String) {\n    channels(status: $status, type: $type, search: $search) {\n      ...ChannelFields\n    }\n  }\n"): (typeof documents)["\n  query Channels($status: String, $type: String, $search: String) {\n    channels(status: $status, type: $type, search: $search) {\n      ...ChannelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChannel($input: CreateChannelInput!) {\n    createChannel(input: $input) {\n      ...ChannelFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateChannel($input: CreateChannelInput!) {\n    createChannel(input: $input) {\n      ...ChannelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateChannel($id: ID!, $input: UpdateChannelInput!) {\n    updateChannel(id: $id, input: $input) {\n      ...ChannelFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateChannel($id: ID!, $input: UpdateChannelInput!) {\n    updateChannel(id: $id, input: $input) {\n      ...ChannelFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableChannels($ids: [ID!]!) {\n    enableChannels(ids: $ids) {\n      id\n      status\n      statusReason\n    }\n  }\n"): (typeof documents)["\n  mutation EnableChannels($ids: [ID!]!) {\n    enableChannels(ids: $ids) {\n      id\n      status\n      statusReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableChannels($ids: [ID!]!, $reason: String) {\n    disableChannels(ids: $ids, reason: $reason) {\n      id\n      status\n      statusReason\n    }\n  }\n"): (typeof documents)["\n  mutation DisableChannels($ids: [ID!]!, $reason: String) {\n    disableChannels(ids: $ids, reason: $reason) {\n      id\n      status\n      statusReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetChannelPriority($ids: [ID!]!, $priority: Int!) {\n    setChannelPriority(ids: $ids, priority: $priority) {\n      id\n      priority\n    }\n  }\n"): (typeof documents)["\n  mutation SetChannelPriority($ids: [ID!]!, $priority: Int!) {\n    setChannelPriority(ids: $ids, priority: $priority) {\n      id\n      priority\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteChannels($ids: [ID!]!) {\n    deleteChannels(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation DeleteChannels($ids: [ID!]!) {\n    deleteChannels(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestChannel($id: ID!, $model: String) {\n    testChannel(id: $id, model: $model) {\n      ok\n      latencyMs\n      status\n      error\n      fatal\n      model\n    }\n  }\n"): (typeof documents)["\n  mutation TestChannel($id: ID!, $model: String) {\n    testChannel(id: $id, model: $model) {\n      ok\n      latencyMs\n      status\n      error\n      fatal\n      model\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FetchChannelModels($id: ID!) {\n    fetchChannelModels(id: $id)\n  }\n"): (typeof documents)["\n  mutation FetchChannelModels($id: ID!) {\n    fetchChannelModels(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ChannelHealth {\n    channelHealth {\n      kind\n      channelId\n      status\n      reason\n      ok\n      latencyMs\n      error\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription ChannelHealth {\n    channelHealth {\n      kind\n      channelId\n      status\n      reason\n      ok\n      latencyMs\n      error\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTestChannels($ids: [ID!]) {\n    startTestChannels(ids: $ids) {\n      jobId\n    }\n  }\n"): (typeof documents)["\n  mutation StartTestChannels($ids: [ID!]) {\n    startTestChannels(ids: $ids) {\n      jobId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription JobProgress($jobId: ID!) {\n    jobProgress(jobId: $jobId) {\n      jobId\n      name\n      state\n      progress\n      message\n      result\n      failedReason\n    }\n  }\n"): (typeof documents)["\n  subscription JobProgress($jobId: ID!) {\n    jobProgress(jobId: $jobId) {\n      jobId\n      name\n      state\n      progress\n      message\n      result\n      failedReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupNames {\n    groups {\n      name\n    }\n  }\n"): (typeof documents)["\n  query GroupNames {\n    groups {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Groups {\n    groups {\n      id\n      name\n      ratio\n      description\n    }\n  }\n"): (typeof documents)["\n  query Groups {\n    groups {\n      id\n      name\n      ratio\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroup($name: String!, $ratio: String!, $description: String) {\n    createGroup(name: $name, ratio: $ratio, description: $description) {\n      id\n      name\n      ratio\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroup($name: String!, $ratio: String!, $description: String) {\n    createGroup(name: $name, ratio: $ratio, description: $description) {\n      id\n      name\n      ratio\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGroup($id: ID!, $ratio: String, $description: String) {\n    updateGroup(id: $id, ratio: $ratio, description: $description) {\n      id\n      name\n      ratio\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGroup($id: ID!, $ratio: String, $description: String) {\n    updateGroup(id: $id, ratio: $ratio, description: $description) {\n      id\n      name\n      ratio\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteGroup($id: ID!) {\n    deleteGroup(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelPrices($search: String) {\n    modelPrices(search: $search) {\n      id\n      model\n      modelRatio\n      completionRatio\n      cachedRatio\n      cacheWriteRatio\n      reasoningRatio\n      perCallQuota\n      inputUsdPerMillion\n      outputUsdPerMillion\n    }\n  }\n"): (typeof documents)["\n  query ModelPrices($search: String) {\n    modelPrices(search: $search) {\n      id\n      model\n      modelRatio\n      completionRatio\n      cachedRatio\n      cacheWriteRatio\n      reasoningRatio\n      perCallQuota\n      inputUsdPerMillion\n      outputUsdPerMillion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertModelPrice($input: ModelPriceInput!) {\n    upsertModelPrice(input: $input) {\n      id\n      model\n      modelRatio\n      completionRatio\n      cachedRatio\n      cacheWriteRatio\n      reasoningRatio\n      perCallQuota\n      inputUsdPerMillion\n      outputUsdPerMillion\n    }\n  }\n"): (typeof documents)["\n  mutation UpsertModelPrice($input: ModelPriceInput!) {\n    upsertModelPrice(input: $input) {\n      id\n      model\n      modelRatio\n      completionRatio\n      cachedRatio\n      cacheWriteRatio\n      reasoningRatio\n      perCallQuota\n      inputUsdPerMillion\n      outputUsdPerMillion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n      group\n      quota\n      usedQuota\n      requestCount\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      username\n      displayName\n      role\n      group\n      quota\n      usedQuota\n      requestCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuotaPerUsd {\n    quotaPerUsd\n  }\n"): (typeof documents)["\n  query QuotaPerUsd {\n    quotaPerUsd\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PasswordState {\n    me {\n      id\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  query PasswordState {\n    me {\n      id\n      mustChangePassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TokenFields on Token {\n    id\n    userId\n    name\n    keyPrefix\n    status\n    expiresAt\n    unlimited\n    remainQuota\n    usedQuota\n    models\n    ipWhitelist\n    group\n    rpm\n    tpm\n    quotaReset\n    resetAmount\n    lastUsedAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment TokenFields on Token {\n    id\n    userId\n    name\n    keyPrefix\n    status\n    expiresAt\n    unlimited\n    remainQuota\n    usedQuota\n    models\n    ipWhitelist\n    group\n    rpm\n    tpm\n    quotaReset\n    resetAmount\n    lastUsedAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tokens($userId: Int, $search: String, $status: String, $limit: Int, $offset: Int) {\n    tokens(userId: $userId, search: $search, status: $status, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...TokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tokens($userId: Int, $search: String, $status: String, $limit: Int, $offset: Int) {\n    tokens(userId: $userId, search: $search, status: $status, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...TokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      key\n      token {\n        ...TokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateToken($input: CreateTokenInput!) {\n    createToken(input: $input) {\n      key\n      token {\n        ...TokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateToken($id: ID!, $input: UpdateTokenInput!) {\n    updateToken(id: $id, input: $input) {\n      ...TokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateToken($id: ID!, $input: UpdateTokenInput!) {\n    updateToken(id: $id, input: $input) {\n      ...TokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateTokenKey($id: ID!) {\n    regenerateTokenKey(id: $id) {\n      key\n      token {\n        ...TokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateTokenKey($id: ID!) {\n    regenerateTokenKey(id: $id) {\n      key\n      token {\n        ...TokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTokens($ids: [ID!]!) {\n    deleteTokens(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation DeleteTokens($ids: [ID!]!) {\n    deleteTokens(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportTokens($userId: Int, $format: String!) {\n    exportTokens(userId: $userId, format: $format)\n  }\n"): (typeof documents)["\n  query ExportTokens($userId: Int, $format: String!) {\n    exportTokens(userId: $userId, format: $format)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlaygroundToken {\n    createPlaygroundToken {\n      key\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePlaygroundToken {\n    createPlaygroundToken {\n      key\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UsageLogFields on UsageLog {\n    id\n    requestId\n    time\n    userId\n    tokenId\n    channelId\n    endpoint\n    model\n    upstreamModel\n    group\n    promptTokens\n    completionTokens\n    cachedTokens\n    reasoningTokens\n    quota\n    latencyMs\n    ttftMs\n    stream\n    status\n    httpStatus\n    errorMessage\n    clientIp\n    usageEstimated\n    attempts\n  }\n"): (typeof documents)["\n  fragment UsageLogFields on UsageLog {\n    id\n    requestId\n    time\n    userId\n    tokenId\n    channelId\n    endpoint\n    model\n    upstreamModel\n    group\n    promptTokens\n    completionTokens\n    cachedTokens\n    reasoningTokens\n    quota\n    latencyMs\n    ttftMs\n    stream\n    status\n    httpStatus\n    errorMessage\n    clientIp\n    usageEstimated\n    attempts\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {\n    usageLogs(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...UsageLogFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {\n    usageLogs(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...UsageLogFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageLogTotals($filter: UsageLogFilter) {\n    usageLogTotals(filter: $filter) {\n      requests\n      errors\n      promptTokens\n      completionTokens\n      quota\n    }\n  }\n"): (typeof documents)["\n  query UsageLogTotals($filter: UsageLogFilter) {\n    usageLogTotals(filter: $filter) {\n      requests\n      errors\n      promptTokens\n      completionTokens\n      quota\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageByDay($range: UsageStatsRange!) {\n    usageByDay(range: $range) {\n      day\n      model\n      requests\n      errors\n      promptTokens\n      completionTokens\n      quota\n      avgLatencyMs\n    }\n  }\n"): (typeof documents)["\n  query UsageByDay($range: UsageStatsRange!) {\n    usageByDay(range: $range) {\n      day\n      model\n      requests\n      errors\n      promptTokens\n      completionTokens\n      quota\n      avgLatencyMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageByChannel($range: UsageStatsRange!) {\n    usageByChannel(range: $range) {\n      channelId\n      channelName\n      requests\n      errors\n      quota\n      avgLatencyMs\n    }\n  }\n"): (typeof documents)["\n  query UsageByChannel($range: UsageStatsRange!) {\n    usageByChannel(range: $range) {\n      channelId\n      channelName\n      requests\n      errors\n      quota\n      avgLatencyMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopCustomers($range: UsageStatsRange!, $limit: Int!) {\n    topCustomers(range: $range, limit: $limit) {\n      userId\n      username\n      requests\n      quota\n    }\n  }\n"): (typeof documents)["\n  query TopCustomers($range: UsageStatsRange!, $limit: Int!) {\n    topCustomers(range: $range, limit: $limit) {\n      userId\n      username\n      requests\n      quota\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopTokens($range: UsageStatsRange!, $limit: Int!) {\n    topTokens(range: $range, limit: $limit) {\n      tokenId\n      tokenName\n      userId\n      requests\n      quota\n    }\n  }\n"): (typeof documents)["\n  query TopTokens($range: UsageStatsRange!, $limit: Int!) {\n    topTokens(range: $range, limit: $limit) {\n      tokenId\n      tokenName\n      userId\n      requests\n      quota\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    email\n    role\n    group\n    quota\n    usedQuota\n    requestCount\n    rpm\n    tpm\n    status\n    lastLoginAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    email\n    role\n    group\n    quota\n    usedQuota\n    requestCount\n    rpm\n    tpm\n    status\n    lastLoginAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($role: String, $search: String, $limit: Int, $offset: Int) {\n    users(role: $role, search: $search, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...UserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($role: String, $search: String, $limit: Int, $offset: Int) {\n    users(role: $role, search: $search, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...UserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustUserQuota($userId: ID!, $amount: BigInt!, $reason: String!) {\n    adjustUserQuota(userId: $userId, amount: $amount, reason: $reason) {\n      id\n      amount\n      reason\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustUserQuota($userId: ID!, $amount: BigInt!, $reason: String!) {\n    adjustUserQuota(userId: $userId, amount: $amount, reason: $reason) {\n      id\n      amount\n      reason\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;