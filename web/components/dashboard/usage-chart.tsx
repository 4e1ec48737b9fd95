'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const PALETTE = [
  '#6366f1',
  '#22c55e',
  '#f59e0b',
  '#ef4444',
  '#06b6d4',
  '#a855f7',
  '#84cc16',
  '#ec4899',
  '#14b8a6',
  '#f97316',
];

export interface DailyRow {
  day: string;
  model: string;
  value: number;
}

/** Days on the x axis, one stacked bar segment per model. */
export function StackedDailyChart({
  rows,
  days,
  height = 260,
}: {
  rows: DailyRow[];
  days: string[];
  height?: number;
}) {
  const models = [...new Set(rows.map((r) => r.model))];
  const byDay = new Map(days.map((d) => [d, { day: d } as Record<string, number | string>]));
  for (const r of rows) {
    const entry = byDay.get(r.day);
    if (entry) entry[r.model] = ((entry[r.model] as number | undefined) ?? 0) + r.value;
  }
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...byDay.values()]} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis
          dataKey="day"
          tick={{ fontSize: 11, fill: 'var(--muted-fg)' }}
          tickFormatter={(d: string) => d.slice(5)}
        />
        <YAxis tick={{ fontSize: 11, fill: 'var(--muted-fg)' }} width={56} />
        <Tooltip
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', fontSize: 12 }}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {models.map((m, i) => (
          <Bar key={m} dataKey={m} stackId="a" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The last `count` calendar days (yyyy-mm-dd) in the browser's time zone, oldest first. */
export function lastDays(count: number, now = new Date()): string[] {
  const fmt = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(fmt.format(new Date(now.getTime() - i * 86_400_000)));
  return [...new Set(out)];
}
