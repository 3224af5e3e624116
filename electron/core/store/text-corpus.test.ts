import { describe, expect, it } from 'vitest';
import { TextCorpus } from './text-corpus';

const text = (s: string) => Buffer.from(s);

describe('TextCorpus', () => {
  it('finds a needle only inside the text it was added with', () => {
    const corpus = new TextCorpus();
    const a = corpus.add(text('alice\nexample.com'));
    const b = corpus.add(text('bob'));
    expect(corpus.contains(a, text('e.co'))).toBe(true);
    expect(corpus.contains(b, text('alice'))).toBe(false);
    expect(corpus.contains(a, text('com\nbob'))).toBe(false);
  });

  it('frees emptied chunks and moves the survivors of a sparse one, keeping them searchable', () => {
    const corpus = new TextCorpus();
    const big = 'x'.repeat(1024 * 1024);
    const slots = Array.from({ length: 20 }, (_, i) => corpus.add(text(`${big}${i}`)));
    const before = corpus.bytes();
    expect(before).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    // Seven texts fill a chunk: keep one of the first chunk (sparse: moved), none of the second.
    const kept = new Set([6, 14, 15, 16, 17, 18, 19]);
    for (const [i, slot] of slots.entries()) if (!kept.has(i)) corpus.release(slot);
    expect(corpus.bytes()).toBeLessThanOrEqual(16 * 1024 * 1024);
    for (const i of kept) expect(corpus.contains(slots[i]!, text(`x${i}`))).toBe(true);
  });
});
