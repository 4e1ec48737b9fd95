'use client';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';

/** A render error inside a console page: the shell stays, the page offers a retry. */
export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useT();
  return (
    <div role="alert" className="grid gap-3 rounded-lg border border-danger/40 bg-danger/5 p-6">
      <p className="font-medium">{t('errors.pageCrashed')}</p>
      <p className="text-sm text-muted-fg">
        {error.message} {error.digest ? <code className="text-xs">({error.digest})</code> : null}
      </p>
      <Button className="justify-self-start" onClick={reset}>
        {t('common.retry')}
      </Button>
    </div>
  );
}
