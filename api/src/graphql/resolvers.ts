import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { ChannelResolver } from '../modules/channel/channel.resolver.js';
import { TokenResolver } from '../modules/token/token.resolver.js';
import { UsageLogResolver } from '../modules/usage-log/usage-log.resolver.js';

/** Every resolver class, listed explicitly. Add new ones here. */
export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  ChannelResolver,
  TokenResolver,
  UsageLogResolver,
];
