import { Ability } from './modules/ability/ability.entity.js';
import { AccessToken } from './modules/access-token/access-token.entity.js';
import { AuditLog } from './modules/audit-log/audit-log.entity.js';
import { Channel } from './modules/channel/channel.entity.js';
import { Group } from './modules/group/group.entity.js';
import { ModelPrice } from './modules/model-price/model-price.entity.js';
import { Option } from './modules/option/option.entity.js';
import { Redemption } from './modules/redemption/redemption.entity.js';
import { Token } from './modules/token/token.entity.js';
import { TopUp } from './modules/top-up/top-up.entity.js';
import { UsageLog } from './modules/usage-log/usage-log.entity.js';
import { UsageRollup } from './modules/usage-rollup/usage-rollup.entity.js';
import { User } from './modules/user/user.entity.js';

/** Every entity, listed explicitly (no folder scanning). Add new ones here. */
export const ENTITIES = [
  User,
  AccessToken,
  Group,
  Channel,
  Ability,
  Token,
  ModelPrice,
  Option,
  UsageLog,
  UsageRollup,
  Redemption,
  TopUp,
  AuditLog,
];
