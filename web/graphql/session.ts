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
        mustChangePassword
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
