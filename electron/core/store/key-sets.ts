/** Beyond this many distinct key sets (hostile or very varied bodies), keys join the values. */
const MAX_SETS = 10_000;
const MAX_SET_BYTES = 16 * 1024;

/**
 * The JSON key sets of stored bodies, each kept once: every delivery of the same event types
 * has the same keys, so 100,000 exchanges share a few hundred sets. Sets are never dropped;
 * there are few, and they are small.
 */
export class KeySets {
  private readonly ids = new Map<string, number>();
  private readonly texts: Buffer[] = [];

  /** The id of this key set, or null when it should be searched with the values instead. */
  intern(keys: string): number | null {
    const known = this.ids.get(keys);
    if (known !== undefined) return known;
    if (this.texts.length >= MAX_SETS || keys.length > MAX_SET_BYTES) return null;
    this.texts.push(Buffer.from(keys));
    this.ids.set(keys, this.texts.length - 1);
    return this.texts.length - 1;
  }

  contains(id: number, needle: Buffer): boolean {
    return this.texts[id]?.includes(needle) ?? false;
  }
}
