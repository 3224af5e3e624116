import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('reads named events split across chunks and skips comments', () => {
    const parser = new SseParser();
    expect(parser.push(': connected\n\nevent: status.chan')).toEqual([]);
    expect(parser.push('ged\ndata: {"a":1}\n\nevent: x\r\ndata: 1\r\ndata: 2\r\n\r\n')).toEqual([
      { event: 'status.changed', data: '{"a":1}' },
      { event: 'x', data: '1\n2' },
    ]);
  });
});
