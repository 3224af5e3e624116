import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../shared/okta/filter/event-filter';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/event-hook-filters.md');
const examples = [...readFileSync(DOC, 'utf8').matchAll(/```\n([^`]+)\n```/g)].map((match) => match[1] ?? '');

describe('docs/event-hook-filters.md', () => {
  it('has examples, and each is inside the subset the inspector checks', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) expect(compileFilter(example).diagnostics).toEqual([]);
  });
});
