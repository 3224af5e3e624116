import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { storedCount } from './engine-api';
import { load } from './load';
import { DELIVERY_HEADERS, numberedDeliveries, SECRET } from './payloads';
import { startEngine } from './processes';

export interface SeededHistory {
  dataDir: string;
  stored: number;
  /** Deliveries per second while seeding, through the whole pipeline. */
  rate: number;
  /** The engine that received them all, just before it stopped. */
  rssMb: number;
  peakRssMb: number;
}

const seeded = new Map<number, Promise<SeededHistory>>();

/**
 * A data folder holding `count` exchanges, delivered over HTTP through the engine's own
 * pipeline (distinct 1-event deliveries of the featured sample types in turn), so it holds
 * exactly what a session of Okta traffic leaves. Made once per run and shared.
 */
export function seedHistory(count: number): Promise<SeededHistory> {
  const existing = seeded.get(count);
  if (existing) return existing;
  const made = seed(count);
  seeded.set(count, made);
  return made;
}

/** Remove the folders made by `seedHistory`. */
export async function removeSeededHistories(): Promise<void> {
  for (const history of seeded.values()) {
    const { dataDir } = await history.catch(() => ({ dataDir: null }));
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
  }
  seeded.clear();
}

async function seed(count: number): Promise<SeededHistory> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ohi-bench-history-'));
  const engine = await startEngine({ secret: SECRET, dataDir });
  const delivery = numberedDeliveries();
  let next = 0;
  try {
    const started = performance.now();
    // A refused or failed delivery is made up for, so the folder holds exactly `count`.
    for (let stored = 0; stored < count; stored = await storedCount(engine)) {
      await load({
        url: engine.receiverUrl,
        headers: DELIVERY_HEADERS,
        body: () => delivery(next++),
        connections: 50,
        amount: count - stored,
      });
    }
    const rate = count / ((performance.now() - started) / 1000);
    return {
      dataDir,
      stored: await storedCount(engine),
      rate,
      rssMb: await engine.rssMb(),
      peakRssMb: await engine.peakRssMb(),
    };
  } finally {
    await engine.stop();
  }
}
