/**
 * Whether a Node.js version is inside an `engines.node` range, for the forms package.json
 * files in our lockfile use (`>=22.12.0`, `^20.19.0 || >=22.12`, `20 || >=22`, `18.x`,
 * `>=10 <17`). Any other form throws, so a test fails rather than passes on what it cannot read.
 */
const parts = (version: string) => version.split('.').map(Number);

const compareVersions = (a: string, b: string) =>
  parts(a)
    .map((part, i) => part - (parts(b)[i] ?? 0))
    .find((d) => d !== 0) ?? 0;

const COMPARATOR = /(>=|<=|>|<|\^|~)?\s*v?(\d+(?:\.\d+){0,2})(?:\.[x*])?/g;

/** `version` against one comparator; a bare `20` or `20.x` means that major, `20.19` that minor. */
function meets(op: string, bound: string, version: string): boolean {
  const order = compareVersions(version, bound);
  const sameLead = (count: number) =>
    parts(version).slice(0, count).join('.') === parts(bound).slice(0, count).join('.');
  switch (op) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '^':
      return sameLead(1) && order >= 0;
    case '~':
      return sameLead(2) && order >= 0;
    default:
      return sameLead(parts(bound).length);
  }
}

export function satisfies(range: string, version: string): boolean {
  return range.split('||').some((raw) => {
    const clause = raw.trim();
    if (clause === '*' || clause === '') return true;
    const comparators = [...clause.matchAll(COMPARATOR)];
    if (clause.replace(COMPARATOR, '').trim() !== '' || comparators.length === 0)
      throw new Error(`an engines range this test does not read: "${raw}"`);
    return comparators.every(([, op = '', bound = '']) => meets(op, bound, version));
  });
}
