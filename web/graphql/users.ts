import { graphql } from './generated';

export const UserFields = graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    email
    role
    group
    quota
    usedQuota
    requestCount
    rpm
    tpm
    status
    lastLoginAt
    createdAt
  }
`);

export const UsersQuery = graphql(`
  query Users($role: String, $search: String, $limit: Int, $offset: Int) {
    users(role: $role, search: $search, limit: $limit, offset: $offset) {
      total
      items {
        ...UserFields
      }
    }
  }
`);

export const UserQuery = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
`);

export const AdjustUserQuotaMutation = graphql(`
  mutation AdjustUserQuota($userId: ID!, $amount: BigInt!, $reason: String!) {
    adjustUserQuota(userId: $userId, amount: $amount, reason: $reason) {
      id
      amount
      reason
    }
  }
`);
