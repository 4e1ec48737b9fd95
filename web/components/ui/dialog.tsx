'use client';
import { X } from 'lucide-react';
import { Dialog as D } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** A modal (side = undefined) or a drawer sliding in from the right (side = 'right'). */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  side,
  wide,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  side?: 'right';
  wide?: boolean;
}) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <D.Content
          className={cn(
            'fixed z-50 flex flex-col gap-4 overflow-y-auto border border-border bg-surface p-5 shadow-xl',
            side === 'right'
              ? 'inset-y-0 right-0 w-full max-w-xl'
              : cn(
                  'left-1/2 top-1/2 max-h-[90vh] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg',
                  wide ? 'max-w-3xl' : 'max-w-lg',
                ),
          )}
        >
          <div className="flex items-start justify-between gap-4">
            <div>
              <D.Title className="text-base font-semibold">{title}</D.Title>
              {description ? (
                <D.Description className="text-sm text-muted-fg">{description}</D.Description>
              ) : (
                <D.Description className="sr-only">{title}</D.Description>
              )}
            </div>
            <D.Close className="rounded p-1 hover:bg-muted" aria-label="Close">
              <X className="h-4 w-4" />
            </D.Close>
          </div>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
