'use client';
import type { CombinedError } from '@urql/core';
import { AlertTriangle } from 'lucide-react';
import { friendlyError } from '@/lib/errors';
import { useT } from '@/lib/i18n/client';
import { Button } from './button';

/** A failed query: a sentence a person understands, with the GraphQL error code behind it. */
export function ErrorPanel({ error, onRetry }: { error: CombinedError | undefined; onRetry?: () => void }) {
  const t = useT();
  const e = friendlyError(error);
  if (!e) return null;
  const known = [
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'BAD_USER_INPUT',
    'NOT_FOUND',
    'CONFLICT',
    'TOO_MANY_REQUESTS',
    'NETWORK_ERROR',
  ];
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-lg border border-danger/40 bg-danger/5 p-4 text-sm"
    >
      <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0 text-danger" aria-hidden />
      <div className="grid flex-1 gap-1">
        <p className="font-medium">{t(`errors.code.${known.includes(e.code) ? e.code : 'OTHER'}`)}</p>
        <p className="text-muted-fg">
          {e.message}{' '}
          <code className="rounded bg-muted px-1 text-xs" data-testid="error-code">
            {e.code}
          </code>
        </p>
      </div>
      {onRetry ? (
        <Button size="sm" variant="outline" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}

/** Toast text for a failed mutation. */
export function useErrorToastText() {
  const t = useT();
  return (error: CombinedError | undefined) => {
    const e = friendlyError(error);
    return e ? { title: t('errors.actionFailed'), detail: `${e.message} (${e.code})` } : null;
  };
}
