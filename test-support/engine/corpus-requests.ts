import type { Socket } from 'node:net';
import { CORPUS_SECRET } from './hostile-corpus';
import type { RawOutcome } from './raw-socket';
import { head, openRaw } from './raw-socket';

/** Request builders for the hostile-input corpus: exact header lines and body framings. */

export type Target = { port: number; path: string };

/** The headers of a delivery with the right secret, plus the given framing headers. */
export const delivery = (port: number, framing: [string, string][]): [string, string][] => [
  ['Host', `127.0.0.1:${port}`],
  ['Authorization', CORPUS_SECRET],
  ['Content-Type', 'application/json'],
  ...framing,
];

export const length = (body: string): [string, string] => ['Content-Length', String(Buffer.byteLength(body))];

/** `body` in chunked transfer coding, `size` characters a chunk. */
export const chunked = (body: string, size = 100): string => {
  const parts: string[] = [];
  for (let i = 0; i < body.length; i += size) {
    const chunk = body.slice(i, i + size);
    parts.push(`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`);
  }
  return `${parts.join('')}0\r\n\r\n`;
};

/**
 * `count` connections, each with a POST head sent and its body withheld. Each asks for
 * `100 Continue`, which Node sends just before it hands the request to the receiver: once every
 * connection has it, the receiver has admitted every request (no waiting on time).
 */
export async function withheldBodies(
  target: Target,
  count: number,
  headers: [string, string][],
  sendFirst = '',
): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const socket = await openRaw(target.port);
      const continued = new Promise<void>((resolve) => {
        let text = '';
        const onData = (chunk: Buffer) => {
          text += chunk.toString('latin1');
          if (!text.includes('100 Continue')) return;
          socket.off('data', onData);
          // Whatever comes next waits in the socket for whoever collects it.
          socket.pause();
          resolve();
        };
        socket.on('data', onData);
      });
      socket.on('error', () => undefined);
      const framing: [string, string][] = [
        ['Host', `127.0.0.1:${target.port}`],
        ...headers,
        ['Expect', '100-continue'],
      ];
      socket.write(head(`POST ${target.path} HTTP/1.1`, framing));
      await continued;
      if (sendFirst !== '') socket.write(sendFirst);
      return socket;
    }),
  );
}

/** An outcome made of answers got over node:http (no raw bytes to show). */
export const answered = (statuses: number[]): RawOutcome => ({
  responses: statuses.map((status) => ({ status, headers: {}, body: '' })),
  statuses,
  closed: false,
  text: '',
});
