import { CORPUS_SECRET } from './hostile-corpus';

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
