import { graphql } from './generated';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      role
      group
      quota
      usedQuota
      requestCount
    }
  }
`);

/** Quota units per USD (the api's quotaPerUsd option), read once per page load: see lib/money.ts. */
export const QuotaPerUsdQuery = graphql(`
  query QuotaPerUsd {
    quotaPerUsd
  }
`);

/** Separate from Me: the first-start prompt must not break sign-in if the api lacks the field. */
export const PasswordStateQuery = graphql(`
  query PasswordState {
    me {
      id
      mustChangePassword
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      expiresAt
      user {
        id
        role
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
