import type { App } from '../../app.js';
import { AppError } from '../../common/errors.js';

const WINDOW_S = 15 * 60;
const MAX_PER_USERNAME = 10;
const MAX_PER_IP = 50;

/**
 * Failed logins are counted per username and per client IP in Redis (shared by every api
 * instance) over a 15-minute window; over the limit, logins are refused before the password
 * is checked. A successful login clears the username's counter.
 */
export class LoginRateLimit {
  constructor(private readonly app: App) {}

  private key(scope: 'user' | 'ip', id: string) {
    return this.app.keys.lock(`login:${scope}:${id.toLowerCase()}`);
  }

  async check(username: string, ip: string | null): Promise<void> {
    const [u, i] = await this.app.redis.mget(this.key('user', username), this.key('ip', ip ?? 'unknown'));
    if (Number(u ?? 0) >= MAX_PER_USERNAME || Number(i ?? 0) >= MAX_PER_IP) {
      throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts; try again in 15 minutes');
    }
  }

  async failed(username: string, ip: string | null): Promise<void> {
    const pipeline = this.app.redis.pipeline();
    for (const k of [this.key('user', username), this.key('ip', ip ?? 'unknown')]) {
      pipeline.incr(k);
      pipeline.expire(k, WINDOW_S, 'NX');
    }
    await pipeline.exec();
  }

  async succeeded(username: string): Promise<void> {
    await this.app.redis.del(this.key('user', username));
  }
}
