import type { Socket } from 'node:net';
import { describe, expect } from 'vitest';
import type { TestCore } from '../../../test-support/engine/core-fixture';
import {
  CORPUS_SECRET,
  expectHealthy,
  runCorpus,
  type HostileCase,
} from '../../../test-support/engine/hostile-corpus';
import { collect, head, openRaw, type RawOutcome } from '../../../test-support/engine/raw-socket';

/**
 * Timeouts shortened from the production values (10 s for headers, 30 s per request, see
 * receiver-limits.ts) so each case ends in about a second; the behaviour is the same.
 */
const LIMITS = {
  headersTimeoutMs: 1_000,
  requestTimeoutMs: 1_500,
  keepAliveTimeoutMs: 500,
  timeoutCheckIntervalMs: 100,
};

type Target = { port: number; path: string; core: TestCore };

/** Write `text` one byte per `everyMs` until it is all sent or the server closes. */
function trickle(socket: Socket, text: string, everyMs: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= text.length) return clearInterval(timer);
    socket.write(text[sent++] ?? '', 'latin1');
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

const delivery = (port: number, path: string, body: string) =>
  head(`POST ${path} HTTP/1.1`, [
    ['Host', `127.0.0.1:${port}`],
    ['Authorization', CORPUS_SECRET],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(body.length)],
  ]);

/** While the slow client holds its connection, a real delivery must still be answered in time. */
async function whileHeld(target: Target, outcome: Promise<RawOutcome>): Promise<RawOutcome> {
  await expectHealthy(target.core);
  return outcome;
}

const cases: HostileCase[] = [
  {
    name: 'slowloris, headers trickled one byte a second: 408 at the headers timeout, closed, nothing recorded',
    limits: LIMITS,
    send: async (target) => {
      const socket = await openRaw(target.port);
      const outcome = collect(socket, { timeoutMs: 5_000 });
      trickle(socket, delivery(target.port, target.path, '{}'), 1_000);
      return whileHeld(target, outcome);
    },
    answers: [408],
    closes: true,
    records: 0,
  },
  {
    name: 'a body trickled one byte a second: closed at the request timeout with no answer, recorded as aborted',
    limits: LIMITS,
    send: async (target) => {
      const socket = await openRaw(target.port);
      const outcome = collect(socket, { timeoutMs: 5_000 });
      socket.write(delivery(target.port, target.path, '{"eventType":"com.okta.event_hook"}'));
      trickle(socket, '{"eventType":"com.okta.event_hook"}', 1_000);
      return whileHeld(target, outcome);
    },
    answers: [],
    closes: true,
    records: 1,
    check: ([e]) => {
      expect(e?.response.status).toBe(0);
      expect(e?.problems.map((p) => p.code)).toEqual(['aborted']);
      expect(e?.problems[0]?.message).toMatch(/did not arrive within the request timeout/);
    },
  },
  {
    name: 'a connection that never sends a byte: 408 at the headers timeout, closed, nothing recorded',
    limits: LIMITS,
    send: async (target) => whileHeld(target, collect(await openRaw(target.port), { timeoutMs: 5_000 })),
    answers: [408],
    closes: true,
    records: 0,
  },
  {
    name: 'an idle keep-alive connection after a 204: closed at the keep-alive timeout',
    limits: LIMITS,
    send: async (target) => {
      const socket = await openRaw(target.port);
      const outcome = collect(socket, { timeoutMs: 5_000 });
      socket.write(delivery(target.port, target.path, '{}') + '{}');
      return whileHeld(target, outcome);
    },
    answers: [204],
    closes: true,
    records: 1,
  },
];

describe('hostile input: slow clients', () => runCorpus(cases));
