import { graphql } from './generated';

export const TokenFields = graphql(`
  fragment TokenFields on Token {
    id
    userId
    name
    keyPrefix
    status
    expiresAt
    unlimited
    remainQuota
    usedQuota
    models
    ipWhitelist
    group
    rpm
    tpm
    quotaReset
    resetAmount
    lastUsedAt
    createdAt
  }
`);

export const TokensQuery = graphql(`
  query Tokens($userId: Int, $search: String, $status: String, $limit: Int, $offset: Int) {
    tokens(userId: $userId, search: $search, status: $status, limit: $limit, offset: $offset) {
      total
      items {
        ...TokenFields
      }
    }
  }
`);

export const CreateTokenMutation = graphql(`
  mutation CreateToken($input: CreateTokenInput!) {
    createToken(input: $input) {
      key
      token {
        ...TokenFields
      }
    }
  }
`);

export const UpdateTokenMutation = graphql(`
  mutation UpdateToken($id: ID!, $input: UpdateTokenInput!) {
    updateToken(id: $id, input: $input) {
      ...TokenFields
    }
  }
`);

export const RegenerateTokenKeyMutation = graphql(`
  mutation RegenerateTokenKey($id: ID!) {
    regenerateTokenKey(id: $id) {
      key
      token {
        ...TokenFields
      }
    }
  }
`);

export const DeleteTokensMutation = graphql(`
  mutation DeleteTokens($ids: [ID!]!) {
    deleteTokens(ids: $ids)
  }
`);

export const ExportTokensQuery = graphql(`
  query ExportTokens($userId: Int, $format: String!) {
    exportTokens(userId: $userId, format: $format)
  }
`);

export const CreatePlaygroundTokenMutation = graphql(`
  mutation CreatePlaygroundToken {
    createPlaygroundToken {
      key
      expiresAt
    }
  }
`);
