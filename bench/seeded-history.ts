import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HISTORY_FORMAT } from '../electron/core/store/history-format';
import { INDEX_VERSION } from '../electron/core/store/index/index-db';
import { command } from './engine-api';
import { load } from './load';
import { BUILD_DIR } from './paths';
import { fmt } from './report';
import { DELIVERY_HEADERS, numberedDeliveries, SECRET } from './payloads';
import { startEngine, type Engine } from './processes';

export interface SeededHistory {
  dataDir: string;
  stored: number;
  /** Deliveries per second while seeding, through the whole pipeline. */
  rate: number;
  /** The engine that received them all, once its index had caught up, just before it stopped. */
  rssMb: number;
  peakRssMb: number;
  /** When it was seeded (a kept folder is reused by later runs). */
  seededAt: string;
}

/**
 * Kept folders, one per size, named by the history format and index table version they were
 * written in: a build that changes either seeds afresh. Delete the folder to seed again.
 */
const KEPT_DIR = path.join(BUILD_DIR, 'history');
const keptFolder = (count: number) =>
  path.join(KEPT_DIR, `${count}-format${HISTORY_FORMAT}-index${INDEX_VERSION}`);
/** Written last, so a folder without it (an interrupted seeding) is never reused. */
const MARKER = 'seeded.json';
/** A seeded folder's index takes its last words in the background; wait for them this long at most. */
const INDEX_TIMEOUT_MS = 30 * 60_000;

const seeded = new Map<number, Promise<SeededHistory>>();
const temporary: string[] = [];

/**
 * A data folder holding `count` exchanges, delivered over HTTP through the engine's own
 * pipeline (distinct 1-event deliveries of the featured sample types in turn), so it holds
 * exactly what a session of Okta traffic leaves. `keep`: seeded once into bench/.build/history
 * and reused by later runs (a million take minutes); otherwise in a temporary folder removed at
 * the end of the run. Made once per run and shared.
 */
export function seedHistory(count: number, { keep }: { keep: boolean }): Promise<SeededHistory> {
  const existing = seeded.get(count);
  if (existing) return existing;
  const made = keep ? keptHistory(count) : temporaryHistory(count);
  seeded.set(count, made);
  return made;
}

/** Remove the temporary folders made by `seedHistory`; kept ones stay for the next run. */
export async function removeSeededHistories(): Promise<void> {
  for (const dataDir of temporary.splice(0)) await rm(dataDir, { recursive: true, force: true });
  seeded.clear();
}

async function temporaryHistory(count: number): Promise<SeededHistory> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ohi-bench-history-'));
  temporary.push(dataDir);
  return { dataDir, ...(await seed(dataDir, count)) };
}

async function keptHistory(count: number): Promise<SeededHistory> {
  const dataDir = keptFolder(count);
  if (existsSync(path.join(dataDir, MARKER))) {
    const kept = JSON.parse(await readFile(path.join(dataDir, MARKER), 'utf8')) as Omit<
      SeededHistory,
      'dataDir'
    >;
    return { dataDir, ...kept };
  }
  // An interrupted seeding goes on where it stopped.
  const partial = `${dataDir}.partial`;
  await mkdir(partial, { recursive: true });
  const made = await seed(partial, count);
  await writeFile(path.join(partial, MARKER), `${JSON.stringify(made)}\n`);
  await rename(partial, dataDir);
  return { dataDir, ...made };
}

/** Deliveries sent per load run: progress is printed, and an interrupted seeding loses at most this many. */
const CHUNK = 50_000;

async function seed(dataDir: string, count: number): Promise<Omit<SeededHistory, 'dataDir'>> {
  const engine = await startEngine({ secret: SECRET, dataDir });
  const delivery = numberedDeliveries();
  try {
    const from = (await listed(engine)).total;
    // Delivery numbers go on from what the folder holds (a seeding that went on where it stopped).
    let next = from;
    const started = performance.now();
    // A refused or failed delivery is made up for, so the folder holds exactly `count`.
    for (let stored = from; stored < count; stored = (await listed(engine)).total) {
      process.stdout.write(`  seeding ${dataDir}: ${fmt(stored)} of ${fmt(count)} exchanges\n`);
      await load({
        url: engine.receiverUrl,
        headers: DELIVERY_HEADERS,
        body: () => delivery(next++),
        connections: 50,
        amount: Math.min(CHUNK, count - stored),
      });
    }
    const rate = (count - from) / ((performance.now() - started) / 1000);
    await indexed(engine);
    return {
      stored: (await listed(engine)).total,
      rate,
      rssMb: await engine.rssMb(),
      peakRssMb: await engine.peakRssMb(),
      seededAt: new Date().toISOString(),
    };
  } finally {
    await engine.stop();
  }
}

/** Tries before a failed call fails the seeding: on a starved machine the API may not answer in time. */
const TRIES = 5;

/** What the engine holds, asked again after a failed call (fetch's connect timeout is 10 s). */
async function listed(engine: Engine, tries = TRIES): Promise<{ total: number; searchPending: number }> {
  try {
    return await command(engine, 'exchanges.list', { limit: 1 });
  } catch (error) {
    if (tries <= 1) throw error;
    process.stdout.write(`  seeding: exchanges.list failed (${String(error)}), asking again\n`);
    await sleep(5000);
    return listed(engine, tries - 1);
  }
}

/** Wait until every stored exchange is searchable, so a restart on the folder has nothing left to index. */
async function indexed(engine: Engine): Promise<void> {
  const deadline = performance.now() + INDEX_TIMEOUT_MS;
  while ((await listed(engine)).searchPending > 0) {
    if (performance.now() > deadline) throw new Error('the seeded history was not indexed in time');
    await sleep(500);
  }
}
