import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Comments cite what a maintainer can open: Okta's public documentation by URL, an RFC by number,
 * or a page under docs/. Citations of private notes, of issue numbers or of design documents that
 * are not in the repository are refused here, wherever they appear in source (comments and test
 * names alike). The patterns are spelled with escapes so this file does not match itself.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(?:ts|tsx|js|mjs|cjs)$/;
/** Build output, installed packages and test reports: not the project's own source. */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'dist-electron',
  'release',
  'test-results',
  'playwright-report',
]);

const FORBIDDEN: [RegExp, string][] = [
  [/\breference \u00a7/i, 'private reference notes'],
  [/\bDESIGN\.md\b/, 'a design document that is not in the repository'],
  [/\bissues? #?\d/i, 'an issue number'],
  // A section sign is fine after an RFC number ("RFC 9110 \u00a77.6.1"), not on its own.
  [/(?<!\bRFC \d+ )\u00a7\s?\d/, 'a numbered section of an unnamed document'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.isFile() && SOURCE.test(entry.name) ? [full] : [];
  });
}

/** `file:line: why` for every line of `text` that cites something a reader cannot open. */
function findCitations(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const why = FORBIDDEN.find(([pattern]) => pattern.test(line))?.[1];
    return why === undefined ? [] : [`${file}:${index + 1}: cites ${why}: ${line.trim()}`];
  });
}

describe('citations in source', () => {
  const files = sourceFiles(ROOT).map((full) => path.relative(ROOT, full).split(path.sep).join('/'));

  it('scans the whole source tree', () => {
    expect(files.length).toBeGreaterThan(300);
    for (const top of ['electron/', 'renderer/', 'shared/', 'scripts/', 'e2e/', 'bench/']) {
      expect(
        files.some((file) => file.startsWith(top)),
        top,
      ).toBe(true);
    }
    expect(files).toContain('eslint.config.js');
    expect(files).toContain('scripts/citations.test.ts');
    expect(files.some((file) => file.includes('node_modules/'))).toBe(false);
  });

  it('recognises each kind of citation it refuses', () => {
    const sign = '\u00a7';
    const sample = [
      `/** Okta retries once (reference ${sign}4.1). */`,
      `// The seam for the tunnel (${'issue'} 4).`,
      `// See ${'issue'} #12.`,
      `// The boundaries of ${'DESIGN'}.md ${sign}1.`,
      `/** Hook ids start with \`who\` (${sign}2.2). */`,
      `// Hop-by-hop headers (RFC 9110 ${sign}7.6.1) are fine.`,
      `// A public page: https://developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry`,
    ].join('\n');
    expect(findCitations('x.ts', sample).map((found) => found.split(':').slice(0, 2).join(':'))).toEqual([
      'x.ts:1',
      'x.ts:2',
      'x.ts:3',
      'x.ts:4',
      'x.ts:5',
    ]);
  });

  it('finds no citation a reader cannot follow', () => {
    const found = files.flatMap((file) => findCitations(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found, 'cite a public URL, an RFC, or a page under docs/ instead').toEqual([]);
  });
});
