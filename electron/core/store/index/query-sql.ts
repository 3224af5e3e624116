import type { ParsedQuery, Term, TermBody } from '../../../../shared/query/query-terms';
import { resolveTime } from '../../../../shared/query/time-spec';
import { AUTHS, KINDS, ORIGINS, OUTCOMES } from './exchange-row';
import { FLAG } from './index-db';

export type SqlValue = string | number;

/** A query as a condition on `exchanges e`, with its parameters. */
export interface SqlCondition {
  where: string;
  params: SqlValue[];
  /** It has free text: the full-text index must be current for it to be right. */
  usesText: boolean;
}

type FilterTerm = Term & Exclude<TermBody, { key: 'text' }>;

/** Type sets whose event types match any of these (lowercase) glob patterns. */
export type TypeSetMatcher = (patterns: string[]) => number[];

const FLAG_BITS = {
  redelivery: FLAG.repeat,
  dup: FLAG.dup,
  'out-of-order': FLAG.outOfOrder,
  pinned: FLAG.pinned,
};

/**
 * The search syntax (shared/query) as SQL over the index. Structured filters become conditions
 * on the row's columns; free-text terms become one full-text match for the words that must be
 * there, and one exclusion per negated term. Terms are ANDed, values within a term ORed.
 */
export function compileSql(parsed: ParsedQuery, now: number, typeSets: TypeSetMatcher): SqlCondition {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const add = (clause: string, values: SqlValue[], negated: boolean) => {
    clauses.push(negated ? `NOT (${clause})` : `(${clause})`);
    params.push(...values);
  };
  const texts = parsed.terms.flatMap((term) => (term.key === 'text' ? [term] : []));
  const wanted = texts.filter((term) => !term.negated).map(phrase);
  if (wanted.length > 0) add(`e.seq IN (${TEXT_MATCH})`, [wanted.join(' AND ')], false);
  for (const term of texts.filter((t) => t.negated)) add(`e.seq IN (${TEXT_MATCH})`, [phrase(term)], true);
  for (const term of parsed.terms) {
    if (term.key === 'text') continue;
    const [clause, values] = condition(term, now, typeSets);
    add(clause, values, term.negated);
  }
  return { where: clauses.length === 0 ? '1' : clauses.join(' AND '), params, usesText: texts.length > 0 };
}

const TEXT_MATCH = 'SELECT rowid FROM search WHERE search MATCH ?';

/**
 * A free-text term as an FTS5 phrase, split by the tokenizer as it split the stored text. Only a
 * word still being typed is a prefix (`session.st` finds `user.session.start`): a prefix query
 * merges the lists of every word it starts, which on a million exchanges costs a second where
 * the whole word costs milliseconds. See https://www.sqlite.org/fts5.html#fts5_phrases.
 */
const phrase = ({ text, prefix }: { text: string; prefix: boolean }) =>
  `"${text.replaceAll('"', '""')}"${prefix ? '*' : ''}`;

const list = (count: number) => Array.from({ length: count }, () => '?').join(',');
const places = <T>(all: readonly T[], values: readonly T[]) => values.map((v) => all.indexOf(v));

function condition(term: FilterTerm, now: number, typeSets: TypeSetMatcher): [string, SqlValue[]] {
  switch (term.key) {
    case 'type': {
      const sets = typeSets(term.patterns);
      // One set (`type:user.session.start`) as an equality: its rows come from `exchanges_type`
      // already in list order, so a page at any offset needs no sort of every match.
      if (sets.length === 1) return ['e.type_set = ?', sets];
      return ['e.type_set IN (SELECT value FROM json_each(?))', [JSON.stringify(sets)]];
    }
    case 'kind':
      return [`e.kind IN (${list(term.values.length)})`, places(KINDS, term.values)];
    case 'origin':
      return [`e.origin IN (${list(term.values.length)})`, places(ORIGINS, term.values)];
    case 'auth':
      return [`e.auth IN (${list(term.values.length)})`, places(AUTHS, term.values)];
    case 'next':
      return [`e.outcome IN (${list(term.values.length)})`, places(OUTCOMES, term.values)];
    case 'status':
      return [
        term.ranges.map(() => 'e.status BETWEEN ? AND ?').join(' OR '),
        term.ranges.flatMap((range) => [range.min, range.max]),
      ];
    case 'is':
      return ['(e.flags & ?) != 0', [term.values.reduce((mask, flag) => mask | FLAG_BITS[flag], 0)]];
    case 'has':
      return ['(e.flags & ?) != 0', [FLAG.problems]];
    case 'hook':
      return [`e.hook IN (${list(term.values.length)})`, term.values];
    case 'filter':
      // Seqs the engine found each saved filter lets through (filter-seqs.ts); an unknown name has none.
      return [
        'e.seq IN (SELECT seq FROM temp.filter_seqs WHERE name IN (SELECT value FROM json_each(?)))',
        [JSON.stringify(term.names)],
      ];
    case 'after':
      return ['e.received_at >= ?', [resolveTime(term.time, now)]];
    case 'before':
      return ['e.received_at < ?', [resolveTime(term.time, now)]];
    case 'duration':
      return [`e.duration_ms ${term.op} ?`, [term.ms]];
  }
}
