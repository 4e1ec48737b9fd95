'use client';
import { useQuery } from '@urql/next';
import Link from 'next/link';
import { statusTone, useChannelHealth } from '@/components/channels/use-channel-health';
import { ChannelsQuery } from '@/graphql/channels';
import { cn } from '@/lib/cn';
import { useT } from '@/lib/i18n/client';

/** One dot per channel, updated live from the channelHealth subscription. */
export function HealthStrip() {
  const t = useT();
  const [result] = useQuery({ query: ChannelsQuery, variables: {} });
  const live = useChannelHealth();
  const channels = result.data?.channels ?? [];
  if (result.error) return <p className="text-sm text-muted-fg">{t('dashboard.healthUnavailable')}</p>;
  if (!channels.length) return <p className="text-sm text-muted-fg">{t('channels.empty')}</p>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t('dashboard.health')}>
      {channels.map((c) => {
        const h = live[c.id];
        const status = h?.status ?? c.status;
        const ms = h?.latencyMs ?? c.responseTimeMs;
        return (
          <li key={c.id}>
            <Link
              href="/channels"
              className="flex items-center gap-1.5 rounded-md border border-border px-2 py-1 text-xs hover:bg-muted"
              title={`${c.name}: ${t(`channels.statuses.${status}`)}${ms != null ? ` · ${ms} ms` : ''}`}
            >
              <span
                aria-hidden
                className={cn(
                  'h-2 w-2 rounded-full',
                  {
                    success: 'bg-success',
                    danger: 'bg-danger',
                    warning: 'bg-warning',
                    neutral: 'bg-muted-fg',
                  }[statusTone(status)],
                )}
              />
              <span className="max-w-32 truncate">{c.name}</span>
              {ms != null ? <span className="text-muted-fg">{ms}ms</span> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
