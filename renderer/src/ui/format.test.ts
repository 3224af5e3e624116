import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatHourMinute,
  formatRange,
  formatRowTime,
  statusTone,
} from './format';

describe('format', () => {
  it('keeps precision where it matters and switches units for long spans', () => {
    expect(formatDuration(0.456)).toBe('0.46 ms');
    expect(formatDuration(12.34)).toBe('12.3 ms');
    expect(formatDuration(3362)).toBe('3362 ms');
    expect(formatDuration(42_000)).toBe('42.0 s');
    expect(formatDuration(30 * 60_000)).toBe('30 min');
    expect(formatDuration(5 * 3_600_000)).toBe('5.0 h');
    expect(formatDuration(-3 * 86_400_000)).toBe('−3 days');
  });

  it('dates a row only when it is not from today, and keeps to 24-hour time', () => {
    const now = new Date(2026, 4, 1, 9, 30).getTime();
    expect(formatRowTime(new Date(2026, 4, 1, 0, 0, 1, 5).getTime(), now)).toBe('00:00:01.005');
    expect(formatRowTime(new Date(2026, 3, 30, 23, 59, 58, 999).getTime(), now)).toBe('04-30 23:59:58');
    expect(formatHourMinute(new Date(2026, 4, 1, 15, 5).getTime())).toBe('15:05');
  });

  it('labels a range to minutes, seconds or ms, so that its two ends differ', () => {
    const at = (h: number, m: number, s = 0, ms = 0) => new Date(2026, 4, 1, h, m, s, ms).getTime();
    expect(formatRange(at(10, 3), at(10, 45))).toBe('2026-05-01 10:03 – 10:45');
    expect(formatRange(at(5, 32, 5), at(5, 32, 50))).toBe('2026-05-01 05:32:05 – 05:32:50');
    expect(formatRange(at(5, 32, 59), at(5, 33, 30))).toBe('2026-05-01 05:32:59 – 05:33:30');
    expect(formatRange(at(5, 32, 5, 120), at(5, 32, 5, 980))).toBe('2026-05-01 05:32:05.120 – 05:32:05.980');
    expect(formatRange(at(5, 32, 5, 900), at(5, 32, 7, 100))).toBe('2026-05-01 05:32:05.900 – 05:32:07.100');
    // Ends on whole seconds or minutes lose nothing in them.
    expect(formatRange(at(5, 32, 26), at(5, 32, 31))).toBe('2026-05-01 05:32:26 – 05:32:31');
    expect(formatRange(at(5, 32), at(5, 35))).toBe('2026-05-01 05:32 – 05:35');
    expect(formatRange(new Date(2026, 3, 30, 23, 50).getTime(), at(0, 10))).toBe(
      '2026-04-30 23:50 – 2026-05-01 00:10',
    );
  });

  it('labels a range whole when an imported file dates it past the year 9999', () => {
    const at = (year: number, h: number, m: number) => new Date(year, 4, 1, h, m).getTime();
    expect(formatRange(at(12026, 10, 3), at(12026, 10, 45))).toBe('12026-05-01 10:03 – 10:45');
    expect(formatRange(at(2026, 10, 3), at(12026, 10, 45))).toBe('2026-05-01 10:03 – 12026-05-01 10:45');
  });

  it('groups the digits of a count in threes', () => {
    expect([0, 999, 1000, 65_536, 1_000_000, -12_345].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '65,536',
      '1,000,000',
      '-12,345',
    ]);
  });

  it('gives each status class one tone', () => {
    expect([204, 302, 401, 503, 0].map(statusTone)).toEqual([
      'ok',
      'redirect',
      'client-error',
      'server-error',
      'none',
    ]);
  });
});
