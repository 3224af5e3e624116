import { rm } from 'node:fs/promises';
import Database from 'libsql';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../../../../shared/model/exchange';
import { summarize } from '../../../../shared/model/summarize';
import { makeTempDir } from '../../../../test-support/engine/core-fixture';
import { draft } from '../../../../test-support/engine/store-fixture';
import { silentLogger } from '../../deps';
import { encodeRecord } from '../records/record-frame';
import { RecordLog, type Written } from '../records/record-log';
import { IndexService } from './index-service';
import type { IndexTag } from './index-writer';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

const RECORD = 100;

const summaryOf = (n: number): ExchangeSummary => summarize({ ...draft(n), seq: n });

/** The row of record `n` (the n-th in segment 1), as the engine hands it over. */
const row = (n: number, summary = summaryOf(n)): Written<IndexTag> => ({
  position: { segment: 1, offset: (n - 1) * RECORD, length: RECORD },
  tag: { kind: 'new', summary },
});
/** A row the index cannot write (as on a full disk: its transaction fails). */
const unwritable = (n: number) => row(n, { ...summaryOf(n), status: null as unknown as number });

const end = (n: number) => ({ segment: 1, offset: n * RECORD });

async function openIndex() {
  const dir = await makeTempDir('ohi-gap-');
  dirs.push(dir);
  const paths = { index: path.join(dir, 'index.db'), records: path.join(dir, 'records') };
  return { reopen: () => IndexService.open(paths, 'Authorization', silentLogger), paths };
}

/** Okta's delivery `eventId`, sent again: the second is a redelivery of the first. */
const delivery = (n: number, summary = summaryOf(n)): Written<IndexTag> => ({
  ...row(n),
  tag: { kind: 'new', summary, keys: { eventId: 'evt-1', events: [], tracked: true } },
});

describe('records the index failed to take, while later ones were sent', () => {
  it('keep the end it records at the first of them until they are indexed, so a restart reads them back', async () => {
    const { reopen } = await openIndex();
    let service = await reopen();
    service.written([row(1)], 1, end(1), 'Authorization');
    // Sent together, answered in order: the first fails, the second is refused until it is in.
    expect(() => service.written([unwritable(2)], 2, end(2), 'Authorization')).toThrow();
    expect(() => service.written([row(3)], 3, end(3), 'Authorization')).toThrow('not indexed yet');
    service.close();

    service = await reopen();
    const opened = service.opened();
    expect(opened.count).toBe(1);
    // The next start reads the log from record 2 on, not from after record 3.
    expect({ segment: opened.meta.logSegment, offset: opened.meta.logOffset }).toEqual(end(1));

    // Once record 2 is taken (read back from its start), the end moves on as usual.
    service.written([row(2), row(3)], 3, end(3), 'Authorization');
    service.close();
    const again = (await reopen()).opened();
    expect(again.count).toBe(3);
    expect({ segment: again.meta.logSegment, offset: again.meta.logOffset }).toEqual(end(3));
  });

  it('are judged before the later ones: a redelivery taken first never makes its original a repeat', async () => {
    const { reopen } = await openIndex();
    const service = await reopen();
    service.written([row(1)], 1, end(1), 'Authorization');
    const original = (summary: ExchangeSummary) => delivery(2, summary);
    expect(() =>
      service.written(
        [original({ ...summaryOf(2), status: null as unknown as number })],
        2,
        end(2),
        'Authorization',
      ),
    ).toThrow();
    try {
      service.written([delivery(3)], 3, end(3), 'Authorization');
    } catch {
      // Refused while record 2 is missing: read back after it.
    }

    const { indexed } = service.written([delivery(2), delivery(3)], 3, end(3), 'Authorization');
    expect(indexed.map(({ summary }) => [summary.seq, summary.repeat])).toEqual([
      [2, false],
      [3, true],
    ]);
    service.close();
  });
});

describe('a final timing that came before its row', () => {
  it('is written with the row also when the first try to index it failed', async () => {
    const { reopen, paths } = await openIndex();
    const log = await RecordLog.open<IndexTag>(paths.records);
    const exchange = { ...draft(1), seq: 1 };
    const position = await log.append(encodeRecord(exchange), { kind: 'recorded', seq: 1 });
    await log.close();
    const stored: Written<IndexTag> = { position, tag: { kind: 'recorded', seq: 1 } };
    const service = await reopen();
    // The answer went out before the row was handed over: its timing waits for the row.
    service.timings([{ id: exchange.id, timing: { bodyMs: 0.1, durationMs: 42 } }]);

    // Another connection holds the write lock: the row's transaction fails, as on a full disk.
    const lock = new Database(paths.index);
    lock.exec('BEGIN IMMEDIATE');
    expect(() => service.written([stored], 1, end(1), 'Authorization')).toThrow();
    lock.exec('ROLLBACK');
    lock.close();

    const { indexed } = service.written([stored], 1, end(1), 'Authorization');
    expect(indexed[0]?.summary.durationMs).toBe(42);
    service.close();
  });
});
