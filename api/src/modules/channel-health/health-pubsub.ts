import type { HealthEvent } from '@switchboard/shared/jobs';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, filter, pipe, type PubSub } from '@graphql-yoga/subscription';
import type { App } from '../../app.js';
import { createRedis } from '../../common/redis.js';

type HealthPubSub = PubSub<Record<string, [HealthEvent | null]>>;

const perApp = new WeakMap<App, HealthPubSub>();

/**
 * Pub/sub over Redis for live channel health: relays and api instances PUBLISH HealthEvent JSON
 * on `keys.healthChannel`; every api instance subscribes (one Redis subscriber connection per
 * process) and fans events out to its GraphQL subscribers, so any instance can serve any client.
 */
export function healthPubSub(app: App): HealthPubSub {
  let pubsub = perApp.get(app);
  if (!pubsub) {
    const subscribeClient = createRedis(app.env, 'health-subscriber', { blocking: true });
    pubsub = createPubSub<Record<string, [HealthEvent | null]>>({
      eventTarget: createRedisEventTarget({
        publishClient: app.redis,
        subscribeClient,
        // Anything on the channel that is not JSON (another tool, a typo) is dropped, not thrown.
        serializer: {
          stringify: JSON.stringify,
          parse: (s: string) => {
            try {
              return JSON.parse(s);
            } catch {
              return null;
            }
          },
        },
      }),
    });
    perApp.set(app, pubsub);
    app.onClose.push(async () => subscribeClient.disconnect());
  }
  return pubsub;
}

export function healthEvents(app: App, channelId: number | null): AsyncIterable<HealthEvent> {
  return pipe(
    healthPubSub(app).subscribe(app.keys.healthChannel),
    filter((e: HealthEvent | null): e is HealthEvent => {
      if (!e || typeof e !== 'object' || typeof e.channelId !== 'number') return false;
      return channelId === null || e.channelId === channelId;
    }),
  );
}
