import type { App } from '../../app.js';
import { AppError } from '../../common/errors.js';
import { type RedisCommand, runCommands } from '../../common/redis.js';

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
    const [u, i] = await runCommands(this.app.redis, [
      ['GET', this.key('user', username)],
      ['GET', this.key('ip', ip ?? 'unknown')],
    ]);
    if (
      Number((u as string | null) ?? 0) >= MAX_PER_USERNAME ||
      Number((i as string | null) ?? 0) >= MAX_PER_IP
    ) {
      throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts; try again in 15 minutes');
    }
  }

  async failed(username: string, ip: string | null): Promise<void> {
    const keys = [this.key('user', username), this.key('ip', ip ?? 'unknown')];
    await runCommands(
      this.app.redis,
      keys.flatMap((k): RedisCommand[] => [
        ['INCR', k],
        ['EXPIRE', k, WINDOW_S, 'NX'],
      ]),
    );
  }

  async succeeded(username: string): Promise<void> {
    await this.app.redis.del(this.key('user', username));
  }
}
