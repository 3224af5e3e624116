import { globMatcher } from '../../../../shared/query/glob';
import type { Db } from './index-db';

/**
 * The distinct lists of event types deliveries carried, each stored once and referred to by
 * number from its rows: a `type:` filter matches its patterns against these few lists, not
 * against a million rows. Kept in memory (a few hundred lists in practice; Okta has about 300
 * event types a hook can receive).
 */
export class TypeSets {
  private readonly byKey = new Map<string, number>();
  private readonly byId = new Map<number, string[]>();
  /** Lists stored by the transaction under way. */
  private unsettled: number[] = [];

  constructor(private readonly db: Db) {
    for (const [id, types] of db.prepare('SELECT id, types FROM type_sets').raw().all() as [
      number,
      string,
    ][]) {
      this.remember(id, types);
    }
  }

  /** The number of this list of types (0 for none); a new list is stored within the caller's transaction. */
  idOf(types: string[]): number {
    if (types.length === 0) return 0;
    const key = JSON.stringify(types);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const { lastInsertRowid } = this.db.prepare('INSERT INTO type_sets (types) VALUES (?)').run([key]);
    const id = Number(lastInsertRowid);
    this.remember(id, key);
    this.unsettled.push(id);
    return id;
  }

  /** The transaction that stored the new lists committed. */
  settle(): void {
    this.unsettled = [];
  }

  /** The transaction was rolled back: the lists it stored are gone again. */
  rollBack(): void {
    for (const id of this.unsettled) {
      const types = this.byId.get(id);
      this.byId.delete(id);
      if (types !== undefined) this.byKey.delete(JSON.stringify(types));
    }
    this.unsettled = [];
  }

  /** Ids of the lists with at least one type matching one of the lowercase glob patterns. */
  matching(patterns: string[]): number[] {
    const tests = patterns.map(globMatcher);
    const found: number[] = [];
    for (const [id, types] of this.byId) {
      if (types.some((type) => tests.some((test) => test(type.toLowerCase())))) found.push(id);
    }
    return found;
  }

  private remember(id: number, key: string): void {
    this.byKey.set(key, id);
    this.byId.set(id, JSON.parse(key) as string[]);
  }
}
