import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_REFERENCE_FILE, apiReference } from './api-reference';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the headless HTTP API reference', () => {
  it('is what the contract renders today', async () => {
    const committed = await readFile(path.join(ROOT, API_REFERENCE_FILE), 'utf8').catch(() => '');
    expect(
      committed,
      `${API_REFERENCE_FILE} does not match shared/contract: run \`npm run docs:api\` and commit the result.`,
    ).toBe(await apiReference(ROOT));
  });
});
