'use client';
import { LogOut, UserRound } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { DropdownMenu as M } from 'radix-ui';
import { useMutation } from '@urql/next';
import { LogoutMutation } from '@/graphql/session';
import { useT } from '@/lib/i18n/client';
import type { Me } from '@/lib/session';

export function UserMenu({ me }: { me: Me }) {
  const t = useT();
  const router = useRouter();
  const [, logout] = useMutation(LogoutMutation);
  return (
    <M.Root>
      <M.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-muted"
        data-testid="user-menu"
      >
        <UserRound className="h-4 w-4" aria-hidden />
        <span className="hidden max-w-32 truncate sm:inline">{me.displayName || me.username}</span>
      </M.Trigger>
      <M.Portal>
        <M.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-48 rounded-md border border-border bg-surface p-1 shadow-lg"
        >
          <div className="px-2 py-1.5 text-xs text-muted-fg">
            {me.username} · {t(`roles.${me.role}`)}
          </div>
          <M.Separator className="my-1 h-px bg-border" />
          <M.Item
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-muted"
            onSelect={async () => {
              await logout({});
              router.replace('/login');
              router.refresh();
            }}
          >
            <LogOut className="h-4 w-4" aria-hidden />
            {t('auth.signOut')}
          </M.Item>
        </M.Content>
      </M.Portal>
    </M.Root>
  );
}
