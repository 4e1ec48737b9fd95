'use client';
import { Check, Copy, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useT } from '@/lib/i18n/client';

/** The only time a token key is visible: the api stores its hash, so losing it means regenerating. */
export function KeyOnceDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={secret !== null} onOpenChange={(o) => !o && onClose()} title={t('tokens.keyTitle')}>
      <div
        className="flex items-start gap-2 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm"
        role="alert"
      >
        <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0 text-warning" aria-hidden />
        {t('tokens.keyWarning')}
      </div>
      <div className="flex items-center gap-2">
        <code data-testid="token-key" className="flex-1 break-all rounded-md bg-muted p-2 font-mono text-sm">
          {secret}
        </code>
        <Button
          variant="outline"
          data-testid="copy-key"
          onClick={async () => {
            if (!secret) return;
            await navigator.clipboard.writeText(secret).catch(() => {});
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          {copied ? <Check className="h-4 w-4" /> : <Copy className="h-4 w-4" />}
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
      <div className="flex justify-end">
        <Button onClick={onClose}>{t('tokens.keySaved')}</Button>
      </div>
    </Dialog>
  );
}
