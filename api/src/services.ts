import type { App } from './app.js';
import { AuditService } from './modules/audit-log/audit.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { ChannelService } from './modules/channel/channel.service.js';
import { TokenService } from './modules/token/token.service.js';

/** The services, one instance each per process. Add new ones here. */
export function createServices(app: App) {
  return {
    audit: new AuditService(),
    auth: new AuthService(app),
    channels: new ChannelService(app),
    tokens: new TokenService(app),
  };
}

export type Services = ReturnType<typeof createServices>;
