import { graphql } from './generated';

export const UsageLogFields = graphql(`
  fragment UsageLogFields on UsageLog {
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
`);

export const UsageLogsQuery = graphql(`
  query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {
    usageLogs(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...UsageLogFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const UsageLogTotalsQuery = graphql(`
  query UsageLogTotals($filter: UsageLogFilter) {
    usageLogTotals(filter: $filter) {
      requests
      errors
      promptTokens
      completionTokens
      quota
    }
  }
`);

export const UsageByDayQuery = graphql(`
  query UsageByDay($range: UsageStatsRange!) {
    usageByDay(range: $range) {
      day
      model
      requests
      errors
      promptTokens
      completionTokens
      quota
      avgLatencyMs
    }
  }
`);

export const UsageByChannelQuery = graphql(`
  query UsageByChannel($range: UsageStatsRange!) {
    usageByChannel(range: $range) {
      channelId
      channelName
      requests
      errors
      quota
      avgLatencyMs
    }
  }
`);

export const TopCustomersQuery = graphql(`
  query TopCustomers($range: UsageStatsRange!, $limit: Int!) {
    topCustomers(range: $range, limit: $limit) {
      userId
      username
      requests
      quota
    }
  }
`);

export const TopTokensQuery = graphql(`
  query TopTokens($range: UsageStatsRange!, $limit: Int!) {
    topTokens(range: $range, limit: $limit) {
      tokenId
      tokenName
      userId
      requests
      quota
    }
  }
`);
