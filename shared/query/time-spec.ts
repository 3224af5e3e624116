import type { TimeSpec } from './query-terms';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const AGO = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EPOCH_MS = /^\d{11,}$/;

/** `3s`, `250ms`, `2.5m`: a duration in ms, or null. */
export function parseDuration(text: string): number | null {
  const match = AGO.exec(text.trim().toLowerCase());
  return match ? Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0) : null;
}

/**
 * A time as the search box accepts it: an ISO date or date-time (local time unless it carries
 * a zone), a clock time today (`14:05`), a span ago (`15m`, `2h`, `3d`), or epoch ms.
 */
export function parseTimeSpec(text: string): TimeSpec | null {
  const ago = parseDuration(text);
  if (ago !== null) return { kind: 'ago', ms: ago };
  const clock = CLOCK.exec(text);
  if (clock) {
    const [hours, minutes, seconds] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    return hours < 24 && minutes < 60 && seconds < 60 ? { kind: 'clock', hours, minutes, seconds } : null;
  }
  if (EPOCH_MS.test(text)) return { kind: 'absolute', ms: Number(text) };
  const ms = parseDateTime(text);
  return ms === null ? null : { kind: 'absolute', ms };
}

function parseDateTime(text: string): number | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = match;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const ms = Number(frac.padEnd(3, '0'));
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31 || parts[3] > 23 || parts[4] > 59)
    return null;
  if (zone !== undefined) {
    const offset = zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const iso = `${y}-${mo}-${d}T${pad(parts[3])}:${pad(parts[4])}:${pad(parts[5])}.${pad(ms, 3)}${offset}`;
    const value = Date.parse(iso);
    return Number.isNaN(value) ? null : value;
  }
  return new Date(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], ms).getTime();
}

/** Epoch ms of a time spec, given the current time. */
export function resolveTime(spec: TimeSpec, now: number): number {
  if (spec.kind === 'absolute') return spec.ms;
  if (spec.kind === 'ago') return now - spec.ms;
  const today = new Date(now);
  today.setHours(spec.hours, spec.minutes, spec.seconds, 0);
  return today.getTime();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local date-time the parser reads back exactly to the second: `2026-05-01T14:05:09`. */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
