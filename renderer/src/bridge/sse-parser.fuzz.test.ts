import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from './sse-parser';

/** What electron/headless/event-stream.ts writes for one push (with CRLF when `crlf`). */
const frame = (message: SseMessage, crlf: boolean) => {
  const nl = crlf ? '\r\n' : '\n';
  return `event: ${message.event}${nl}data: ${message.data}${nl}${nl}`;
};

/** Cut `text` at the given fractions: the network may split a stream anywhere. */
const cut = (text: string, points: number[]) => {
  const at = [...new Set(points.map((p) => Math.floor(p * text.length)))].sort((a, b) => a - b);
  return [...at, text.length].map((end, i) => text.slice(i === 0 ? 0 : at[i - 1], end));
};

const message = fc.record({
  event: fc.stringMatching(/^[a-z]+\.[a-z]+$/),
  // JSON.stringify output: one line, any characters escaped as JSON does.
  data: fc.jsonValue().map((v) => JSON.stringify(v)),
});

describe('SseParser (property)', () => {
  it('reads back every pushed message however the stream is chunked, with comments between', () => {
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        fc.boolean(),
        (messages, points, crlf) => {
          const stream = `: connected\n\n${messages.map((m) => `${frame(m, crlf)}: ping\n\n`).join('')}`;
          const parser = new SseParser();
          const read = cut(stream, points).flatMap((chunk) => parser.push(chunk));
          expect(read).toEqual(messages);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (chunks) => void chunks.forEach((c) => new SseParser().push(c))),
    );
  });
});
