import { graphql } from './generated';

export const RedemptionsQuery = graphql(`
  query Redemptions($status: String, $batchName: String, $limit: Int!, $offset: Int!) {
    redemptions(status: $status, batchName: $batchName, limit: $limit, offset: $offset) {
      total
      items {
        id
        batchName
        codePrefix
        quota
        status
        redeemedById
        redeemedAt
        expiresAt
        createdAt
      }
    }
  }
`);

export const GenerateRedemptionsMutation = graphql(`
  mutation GenerateRedemptions($input: GenerateRedemptionsInput!) {
    generateRedemptions(input: $input) {
      batchName
      codes
    }
  }
`);

export const DisableRedemptionsMutation = graphql(`
  mutation DisableRedemptions($ids: [ID!]!) {
    disableRedemptions(ids: $ids)
  }
`);

export const RedeemMutation = graphql(`
  mutation Redeem($code: String!) {
    redeem(code: $code) {
      quota
    }
  }
`);

export const AuditLogsQuery = graphql(`
  query AuditLogs($filter: AuditLogFilter, $before: ID, $limit: Int!) {
    auditLogs(filter: $filter, before: $before, limit: $limit) {
      nextCursor
      items {
        id
        createdAt
        actorId
        actorName
        action
        targetType
        targetId
        before
        after
        ip
      }
    }
  }
`);

export const OptionsQuery = graphql(`
  query Options {
    options {
      key
      value
      defaultValue
      description
      relay
    }
  }
`);

export const SetOptionMutation = graphql(`
  mutation SetOption($key: String!, $value: JSON!) {
    setOption(key: $key, value: $value) {
      key
      value
      defaultValue
      description
      relay
    }
  }
`);

export const MyAccessTokensQuery = graphql(`
  query MyAccessTokens {
    myAccessTokens {
      id
      name
      kind
      prefix
      createdAt
      expiresAt
      lastUsedAt
    }
  }
`);

export const CreateAccessTokenMutation = graphql(`
  mutation CreateAccessToken($name: String!, $expiresInDays: Float) {
    createAccessToken(name: $name, expiresInDays: $expiresInDays) {
      token
    }
  }
`);

export const RevokeAccessTokenMutation = graphql(`
  mutation RevokeAccessToken($id: ID!) {
    revokeAccessToken(id: $id)
  }
`);
