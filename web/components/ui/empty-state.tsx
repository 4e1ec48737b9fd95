import { Inbox } from 'lucide-react';
import type { ReactNode } from 'react';

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-border p-10 text-center">
      <Inbox className="h-8 w-8 text-muted-fg" aria-hidden />
      <p className="font-medium">{title}</p>
      {hint ? <p className="max-w-md text-sm text-muted-fg">{hint}</p> : null}
      {action}
    </div>
  );
}
