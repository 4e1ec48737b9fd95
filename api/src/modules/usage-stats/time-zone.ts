import { badInput } from '../../common/errors.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw badInput('timeZone', `Unknown IANA time zone "${timeZone}"`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Validates an IANA zone name (e.g. "Asia/Kolkata", "UTC"). */
export function checkTimeZone(timeZone: string): string {
  formatter(timeZone);
  return timeZone;
}

/** Local calendar day (YYYY-MM-DD) of an instant in a zone. */
export function localDay(ms: number, timeZone: string): string {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

/** Offset of the zone from UTC at an instant, in minutes (local − UTC). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC instant at which a local day starts (its first local minute), exact across DST:
 * the offset is looked up at the guess and corrected once (a transition at midnight, as in
 * some zones, is handled by the second lookup).
 */
export function startOfLocalDay(day: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw badInput('from', 'Days are YYYY-MM-DD');
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(naive)) throw badInput('from', 'Not a calendar day');
  let guess = naive - offsetMinutes(naive, timeZone) * 60_000;
  guess = naive - offsetMinutes(guess, timeZone) * 60_000;
  // A day that starts inside a DST gap begins at the first existing minute after midnight.
  while (localDay(guess, timeZone) < day) guess += 15 * 60_000;
  return guess;
}

/** The day after `day` (calendar arithmetic, zone-free). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
