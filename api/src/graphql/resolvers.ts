import type { NonEmptyArray } from 'type-graphql';
import { AbilityResolver } from '../modules/ability/ability.resolver.js';
import { AuditLogResolver } from '../modules/audit-log/audit-log.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { ChannelResolver } from '../modules/channel/channel.resolver.js';
import { ChannelHealthResolver } from '../modules/channel-health/channel-health.resolver.js';
import { GroupResolver } from '../modules/group/group.resolver.js';
import { ModelPriceResolver } from '../modules/model-price/model-price.resolver.js';
import { OptionResolver } from '../modules/option/option.resolver.js';
import { ProviderResolver } from '../modules/provider/provider.resolver.js';
import { RedemptionResolver } from '../modules/redemption/redemption.resolver.js';
import { TokenResolver } from '../modules/token/token.resolver.js';
import { TopUpResolver } from '../modules/top-up/top-up.resolver.js';
import { UsageLogResolver } from '../modules/usage-log/usage-log.resolver.js';
import { UsageStatsResolver } from '../modules/usage-stats/usage-stats.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';

/** Every resolver class, listed explicitly. Add new ones here. */
export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  UserResolver,
  ChannelResolver,
  AbilityResolver,
  GroupResolver,
  ModelPriceResolver,
  OptionResolver,
  ProviderResolver,
  TokenResolver,
  UsageLogResolver,
  UsageStatsResolver,
  RedemptionResolver,
  TopUpResolver,
  ChannelHealthResolver,
  AuditLogResolver,
];
