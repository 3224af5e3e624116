import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { deliver } from './http-client';
import { head, openRaw, parseResponses } from './raw-socket';

/** Open-file limit of this process (Linux); each test connection costs two descriptors here. */
export function openFileLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    return Number(line?.split(/\s+/)[3] ?? Infinity);
  } catch {
    return Infinity;
  }
}

const request = (port: number, path: string, body: string, secret: string) =>
  head(`POST ${path} HTTP/1.1`, [
    ['Host', `127.0.0.1:${port}`],
    ['Authorization', secret],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(Buffer.byteLength(body))],
  ]) + body;

/** Send one request on an open connection and resolve with the status of its answer. */
export function roundTrip(socket: Socket, bytes: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const [response] = parseResponses(text).responses;
      if (response) {
        socket.off('data', onData);
        resolve(response.status);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('closed before the answer')));
    socket.write(bytes, 'latin1');
  });
}

/** `count` keep-alive connections, each having delivered once and now held open, idle. */
export async function keepAliveCrowd(
  target: { port: number; path: string; secret: string; body: string },
  count: number,
): Promise<{ sockets: Socket[]; statuses: number[] }> {
  const sockets: Socket[] = [];
  const statuses: number[] = [];
  const OPEN_AT_ONCE = 200;
  for (let i = 0; i < count; i += OPEN_AT_ONCE) {
    const opened = await Promise.all(
      Array.from({ length: Math.min(OPEN_AT_ONCE, count - i) }, () => openRaw(target.port)),
    );
    sockets.push(...opened);
    statuses.push(
      ...(await Promise.all(
        opened.map((s) => roundTrip(s, request(target.port, target.path, target.body, target.secret))),
      )),
    );
  }
  return { sockets, statuses };
}

/** `count` clients sending a request head one byte every `everyMs`; `closed()` counts those the server ended. */
export async function slowlorisCrowd(port: number, count: number, everyMs: number) {
  const sockets = await Promise.all(Array.from({ length: count }, () => openRaw(port)));
  const line = `POST /okta/event-hook HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: ${'s'.repeat(10_000)}`;
  let sent = 0;
  const timer = setInterval(() => {
    const byte = line[sent++ % line.length] ?? 's';
    for (const socket of sockets) if (!socket.destroyed) socket.write(byte);
  }, everyMs);
  let closed = 0;
  for (const socket of sockets) {
    socket.on('error', () => undefined);
    socket.once('close', () => (closed += 1));
  }
  return {
    closed: () => closed,
    stop: () => {
      clearInterval(timer);
      for (const socket of sockets) socket.destroy();
    },
  };
}

/** Deliver `count` times (`concurrency` at a time, fresh connections); statuses and latencies in ms. */
export async function timedDeliveries(
  url: string,
  body: string,
  secret: string,
  count: number,
  concurrency: number,
) {
  const results: { status: number; ms: number }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const started = performance.now();
      const res = await deliver(url, body, [
        ['Authorization', secret],
        ['Connection', 'close'],
      ]);
      results.push({ status: res.status, ms: performance.now() - started });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
