import type { Exchange, TimingRecord } from '../../../shared/model/exchange';

/**
 * What one line of the capture log holds. An exchange is written before it is answered; its
 * final duration is only known after the answer went out, so it follows as its own record.
 */
export type LogRecord =
  { r: 'exchange'; exchange: Exchange } | { r: 'timing'; id: string; timing: TimingRecord };

export const isLogRecord = (value: object): value is LogRecord => {
  const record = value as Partial<Record<string, unknown>>;
  if (record.r === 'exchange') return typeof record.exchange === 'object';
  if (record.r === 'timing') {
    return typeof record.id === 'string' && typeof record.timing === 'object';
  }
  return false;
};
