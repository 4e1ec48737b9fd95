'use client';
import { Switch as S } from 'radix-ui';

export function Switch({
  id,
  checked,
  onCheckedChange,
  label,
}: {
  id: string;
  checked: boolean;
  onCheckedChange: (v: boolean) => void;
  label: string;
}) {
  return (
    <div className="flex items-center gap-2">
      <S.Root
        id={id}
        checked={checked}
        onCheckedChange={onCheckedChange}
        className="relative h-5 w-9 rounded-full bg-muted transition data-[state=checked]:bg-primary focus-visible:outline-2 focus-visible:outline-ring"
      >
        <S.Thumb className="block h-4 w-4 translate-x-0.5 rounded-full bg-white shadow transition data-[state=checked]:translate-x-[18px]" />
      </S.Root>
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
    </div>
  );
}
