/** Display helpers shared by the list and the detail pane. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `14:03:27.512` in local time: the list's time column. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * The list's time column: `14:03:27.512` for today, `05-01 14:03:27` for another day (local
 * time), so rows that span days say which day they are from.
 */
export function formatRowTime(epochMs: number, now: number): string {
  const d = new Date(epochMs);
  if (d.toDateString() === new Date(now).toDateString()) return formatClock(epochMs);
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(epochMs).slice(0, 8)}`;
}

/** `14:03` in local time, 24-hour like every other time here. */
export const formatHourMinute = (epochMs: number): string => formatClock(epochMs).slice(0, 5);

/** `2026-05-01` in local time (a year past 9999 whole, as an imported file may carry one). */
function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local date and time with ms, for the detail pane. */
export const formatDateTime = (epochMs: number): string => `${formatDate(epochMs)} ${formatClock(epochMs)}`;

/** Minutes and seconds: where `formatClock` ends after each, and how long each is. */
const RANGE_UNITS = [
  { width: 5, ms: 60_000 },
  { width: 8, ms: 1_000 },
] as const;

/**
 * The coarsest unit a range can be shown in with its two ends apart: one the span holds ten of
 * (cutting the ends to it misleads by a tenth at most), or one both ends are whole in (nothing is
 * cut); else ms.
 */
function rangeWidth(from: number, to: number): number {
  const whole = (at: number, width: number) => /^[:.0]*$/.test(formatClock(at).slice(width));
  const unit = RANGE_UNITS.find(
    ({ width, ms }) => to - from >= 10 * ms || (to - from >= ms && whole(from, width) && whole(to, width)),
  );
  return unit?.width ?? 12;
}

/**
 * `2026-05-01 10:03 – 10:45`, with seconds (`05:32:05 – 05:32:50`) or ms for a short span, and
 * both dates when it crosses midnight.
 */
export function formatRange(from: number, to: number): string {
  const width = rangeWidth(from, to);
  const [startDate, endDate] = [formatDate(from), formatDate(to)];
  const [start, end] = [formatClock(from).slice(0, width), formatClock(to).slice(0, width)];
  return startDate === endDate
    ? `${startDate} ${start} – ${end}`
    : `${startDate} ${start} – ${endDate} ${end}`;
}

/**
 * `1,234,567`, whatever the locale, like every other number and time here. Not
 * `toLocaleString`: its first call in a page loads ICU's number data, tens of ms on the first
 * screen (the list's count).
 */
export const formatCount = (count: number): string =>
  String(Math.trunc(count)).replace(/\B(?=(\d{3})+$)/g, ',');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Sub-ms durations keep two decimals, longer ones fewer; then seconds, minutes, hours, days. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < 1) return `${sign}${abs.toFixed(2)} ms`;
  if (abs < 100) return `${sign}${abs.toFixed(1)} ms`;
  if (abs < 10_000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 2 * MINUTE) return `${sign}${(abs / 1000).toFixed(1)} s`;
  if (abs < 2 * HOUR) return `${sign}${Math.round(abs / MINUTE)} min`;
  if (abs < 2 * DAY) return `${sign}${(abs / HOUR).toFixed(1)} h`;
  return `${sign}${Math.round(abs / DAY)} days`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

/** Status class used for colour everywhere: the same code always has the same colour. */
export type StatusTone = 'ok' | 'redirect' | 'client-error' | 'server-error' | 'none';

export function statusTone(status: number): StatusTone {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 400 && status < 500) return 'client-error';
  if (status >= 500) return 'server-error';
  return 'none';
}

const REASONS: Record<number, string> = {
  0: 'No response',
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export const reasonPhrase = (status: number): string => REASONS[status] ?? '';
