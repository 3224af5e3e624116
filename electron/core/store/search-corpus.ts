import { KeySets } from './key-sets';
import type { SearchText } from './search-text';
import { TextCorpus, type TextSlot } from './text-corpus';

/** Where one exchange's search text is: its values, and its shared key set if it has one. */
export interface Searchable {
  values: TextSlot;
  keySet: number | null;
}

/** Free-text search over every stored exchange: values in a corpus, key sets shared. */
export class SearchCorpus {
  private readonly values = new TextCorpus();
  private readonly keySets = new KeySets();

  add(text: SearchText): Searchable {
    const keySet = text.keys === '' ? null : this.keySets.intern(text.keys);
    const values =
      keySet === null && text.keys !== ''
        ? Buffer.concat([text.values, Buffer.from(`\n${text.keys}`)])
        : text.values;
    return { values: this.values.add(values), keySet };
  }

  release(searchable: Searchable): void {
    this.values.release(searchable.values);
  }

  /** A test for one lowercase term; each key set is looked at once per matcher, not per exchange. */
  matcher(term: string): (searchable: Searchable) => boolean {
    const needle = Buffer.from(term);
    const inKeySet: (boolean | undefined)[] = [];
    const keySetHas = (id: number) => (inKeySet[id] ??= this.keySets.contains(id, needle));
    return (searchable) =>
      (searchable.keySet !== null && keySetHas(searchable.keySet)) ||
      this.values.contains(searchable.values, needle);
  }

  bytes(): number {
    return this.values.bytes();
  }
}
