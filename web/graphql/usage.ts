import { graphql } from './generated';

export const UsageLogsQuery = graphql(`
  query UsageLogs($userId: Int, $tokenId: Int, $limit: Int) {
    usageLogs(userId: $userId, tokenId: $tokenId, limit: $limit) {
      id
      requestId
      time
      userId
      tokenId
      channelId
      endpoint
      model
      upstreamModel
      group
      promptTokens
      completionTokens
      cachedTokens
      reasoningTokens
      quota
      latencyMs
      ttftMs
      stream
      status
      httpStatus
      errorMessage
      clientIp
      usageEstimated
      attempts
    }
  }
`);

export const UsageDailyQuery = graphql(`
  query UsageDaily($from: DateTimeISO!, $to: DateTimeISO!, $timeZone: String!, $userId: Int) {
    usageDaily(from: $from, to: $to, timeZone: $timeZone, userId: $userId) {
      day
      model
      requests
      promptTokens
      completionTokens
      quota
      errors
    }
  }
`);

export const UsageTopQuery = graphql(`
  query UsageTop($from: DateTimeISO!, $to: DateTimeISO!, $by: String!, $limit: Int) {
    usageTop(from: $from, to: $to, by: $by, limit: $limit) {
      id
      name
      requests
      quota
    }
  }
`);
