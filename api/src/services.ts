import type { App } from './app.js';
import { JobService } from './jobs/job.service.js';
import { AuditService } from './modules/audit-log/audit.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { ChannelService } from './modules/channel/channel.service.js';
import { ChannelTaskService } from './modules/channel/channel-task.service.js';
import { GroupService } from './modules/group/group.service.js';
import { ModelPriceService } from './modules/model-price/model-price.service.js';
import { OptionService } from './modules/option/option.service.js';
import { PlaygroundTokenService } from './modules/token/playground-token.service.js';
import { RedemptionService } from './modules/redemption/redemption.service.js';
import { TokenService } from './modules/token/token.service.js';
import { UserService } from './modules/user/user.service.js';

/** The services, one instance each per process. Add new ones here. */
export function createServices(app: App) {
  return {
    audit: new AuditService(),
    auth: new AuthService(app),
    channels: new ChannelService(app),
    channelTasks: new ChannelTaskService(app),
    groups: new GroupService(app),
    prices: new ModelPriceService(app),
    options: new OptionService(app),
    playgroundTokens: new PlaygroundTokenService(app),
    jobs: new JobService(app),
    redemptions: new RedemptionService(app),
    tokens: new TokenService(app),
    users: new UserService(app),
  };
}

export type Services = ReturnType<typeof createServices>;
