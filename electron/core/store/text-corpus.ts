/** Chunks this size hold the search text of many exchanges; the oldest empty out first. */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** A chunk this empty (and not the one being filled) has its live texts moved out. */
const SPARSE = 0.2;

interface Chunk {
  buffer: Buffer;
  used: number;
  live: Set<TextSlot>;
  liveBytes: number;
}

/** Where one exchange's search text lives; moved in place when its chunk is compacted. */
export interface TextSlot {
  chunk: Chunk;
  offset: number;
  length: number;
}

/**
 * The lowercase search text of every stored exchange, in memory but off the JS heap: a few
 * large buffers instead of 100,000 strings, scanned with Buffer#indexOf (native, fast). Space
 * is reclaimed chunk by chunk as exchanges are evicted or deleted.
 */
export class TextCorpus {
  private chunks: Chunk[] = [];
  private active: Chunk | null = null;

  add(text: Buffer): TextSlot {
    const chunk = this.chunkWithRoom(text.length);
    text.copy(chunk.buffer, chunk.used);
    const slot: TextSlot = { chunk, offset: chunk.used, length: text.length };
    chunk.used += text.length;
    chunk.live.add(slot);
    chunk.liveBytes += text.length;
    return slot;
  }

  release(slot: TextSlot): void {
    const { chunk } = slot;
    if (!chunk.live.delete(slot)) return;
    chunk.liveBytes -= slot.length;
    if (chunk === this.active) return;
    if (chunk.live.size === 0) this.chunks = this.chunks.filter((c) => c !== chunk);
    else if (chunk.liveBytes < chunk.buffer.length * SPARSE) this.compact(chunk);
  }

  /** Whether the exchange's text contains `needle` (lowercase UTF-8). */
  contains(slot: TextSlot, needle: Buffer): boolean {
    return slot.chunk.buffer.subarray(slot.offset, slot.offset + slot.length).indexOf(needle) !== -1;
  }

  /** Bytes held, including space not yet reclaimed. */
  bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.buffer.length, 0);
  }

  private chunkWithRoom(length: number): Chunk {
    const active = this.active;
    if (active && active.used + length <= active.buffer.length) return active;
    if (active && active.live.size === 0) this.chunks = this.chunks.filter((c) => c !== active);
    const chunk: Chunk = {
      buffer: Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, length)),
      used: 0,
      live: new Set(),
      liveBytes: 0,
    };
    this.chunks.push(chunk);
    this.active = chunk;
    return chunk;
  }

  /** Move the few live texts of a mostly empty chunk to the active one and let it go. */
  private compact(chunk: Chunk): void {
    this.chunks = this.chunks.filter((c) => c !== chunk);
    for (const slot of chunk.live) {
      const target = this.chunkWithRoom(slot.length);
      chunk.buffer.copy(target.buffer, target.used, slot.offset, slot.offset + slot.length);
      slot.chunk = target;
      slot.offset = target.used;
      target.used += slot.length;
      target.live.add(slot);
      target.liveBytes += slot.length;
    }
  }
}
