import type { UserRole } from '../modules/user/user.entity.js';

/**
 * Who may call each operation and read each secret field: the lowest role allowed ('public' =
 * anyone, signed in or not; 'signedIn' = any role). The authorization matrix test
 * (authorization.test.ts) runs every Query, Mutation and secret field as every role against
 * this table, and fails for any operation or secret field that has no entry here — add one
 * with every new operation.
 *
 * Ownership (a customer sees only its own tokens; sales only customers) is narrower than the
 * role gate and is tested per module.
 */
export type Access = 'public' | 'signedIn' | UserRole;

export const AUTHORIZATION_POLICY: Record<string, Access> = {
  // auth
  'Mutation.login': 'public',
  'Query.me': 'public',
  'Mutation.logout': 'signedIn',
  'Query.myAccessTokens': 'signedIn',
  'Mutation.createAccessToken': 'signedIn',
  'Mutation.revokeAccessToken': 'signedIn',
  // users
  'Query.users': 'sales',
  'Query.user': 'signedIn',
  'Mutation.createUser': 'sales',
  'Mutation.updateUser': 'signedIn',
  'Mutation.deleteUsers': 'sales',
  'Mutation.adjustUserQuota': 'sales',
  'Mutation.changePassword': 'signedIn',
  // channels
  'Query.channels': 'admin',
  'Query.channel': 'admin',
  'Mutation.createChannel': 'admin',
  'Mutation.updateChannel': 'admin',
  'Mutation.enableChannels': 'admin',
  'Mutation.disableChannels': 'admin',
  'Mutation.setChannelPriority': 'admin',
  'Mutation.deleteChannels': 'admin',
  'Mutation.testChannel': 'admin',
  'Mutation.fetchChannelModels': 'admin',
  'Mutation.refreshChannelBalance': 'admin',
  'Channel.maskedKeys': 'admin',
  'Channel.headers': 'admin',
  'Channel.config': 'admin',
  'Query.providers': 'signedIn',
  'Query.availableModels': 'signedIn',
  // groups and pricing
  'Query.groups': 'signedIn',
  'Mutation.createGroup': 'admin',
  'Mutation.updateGroup': 'admin',
  'Mutation.deleteGroup': 'admin',
  'Group.channels': 'admin',
  'Query.modelPrices': 'signedIn',
  'Mutation.upsertModelPrice': 'admin',
  'Mutation.deleteModelPrices': 'admin',
  // options and audit
  'Query.options': 'root',
  'Mutation.setOption': 'root',
  'Query.quotaPerUsd': 'signedIn',
  'Query.auditLogs': 'admin',
  // tokens
  'Query.tokens': 'signedIn',
  'Query.token': 'signedIn',
  'Query.exportTokens': 'signedIn',
  'Mutation.createToken': 'signedIn',
  'Mutation.updateToken': 'signedIn',
  'Mutation.regenerateTokenKey': 'signedIn',
  'Mutation.deleteTokens': 'signedIn',
  'Mutation.createPlaygroundToken': 'signedIn',
  // usage
  'Query.usageLogs': 'signedIn',
  'Query.usageLogTotals': 'signedIn',
  'Query.usageByDay': 'signedIn',
  'Query.usageByChannel': 'admin',
  'Query.topCustomers': 'sales',
  'Query.topTokens': 'signedIn',
  'Query.balances': 'signedIn',
  // redemptions and top-ups
  'Query.redemptions': 'admin',
  'Mutation.generateRedemptions': 'admin',
  'Mutation.startGenerateRedemptions': 'admin',
  'Mutation.claimGeneratedRedemptions': 'admin',
  'Mutation.disableRedemptions': 'admin',
  'Mutation.redeem': 'signedIn',
  'Query.topUps': 'signedIn',
  // bulk jobs
  'Query.job': 'signedIn',
  'Mutation.startTestChannels': 'admin',
  'Mutation.startFetchModels': 'admin',
  'Subscription.jobProgress': 'signedIn',
  'Subscription.channelHealth': 'admin',
};
