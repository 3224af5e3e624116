import type { Exchange, TimingRecord } from '../../../../shared/model/exchange';

/**
 * What one line of the capture log holds. An exchange is written before it is answered; its
 * final duration is only known after the answer went out, so it follows as its own record, as
 * do later changes (pins, deletions, retention). A later `exchange` record with a known id is
 * a copy carried forward when its segment was dropped: it replaces the earlier one.
 *
 * - `exchange`: the exchange (a carried copy holds its final timing and `pinned`)
 * - `timing`: the final timing of one exchange
 * - `pin`: exchanges pinned or unpinned
 * - `delete`: exchanges the user deleted
 * - `evict`: retention removed every unpinned exchange with a seq up to `through`
 */
export type LogRecord =
  | { r: 'exchange'; exchange: Exchange; pinned?: true }
  | { r: 'timing'; id: string; timing: TimingRecord }
  | { r: 'pin'; ids: string[]; pinned: boolean }
  | { r: 'delete'; ids: string[] }
  | { r: 'evict'; through: number };

const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string');

export const isLogRecord = (value: object): value is LogRecord => {
  const record = value as Partial<Record<string, unknown>>;
  switch (record.r) {
    case 'exchange':
      return typeof record.exchange === 'object' && record.exchange !== null;
    case 'timing':
      return typeof record.id === 'string' && typeof record.timing === 'object';
    case 'pin':
      return isIdList(record.ids) && typeof record.pinned === 'boolean';
    case 'delete':
      return isIdList(record.ids);
    case 'evict':
      return typeof record.through === 'number';
    default:
      return false;
  }
};
