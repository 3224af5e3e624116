// `npm run docs:api`: renders docs/http-api.md from the contract (scripts/api-reference.ts).
// The TypeScript is bundled first (the contract is TypeScript; Node 20 cannot run it directly).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = path.join(root, 'node_modules/.cache/api-reference/api-reference.mjs');
await build({
  absWorkingDir: root,
  entryPoints: ['scripts/api-reference.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
/** @type {{ apiReference: (root: string) => Promise<string>, API_REFERENCE_FILE: string }} */
const { apiReference, API_REFERENCE_FILE } = await import(pathToFileURL(outfile).href);
await writeFile(path.join(root, API_REFERENCE_FILE), await apiReference(root));
console.log(`Wrote ${API_REFERENCE_FILE}.`);
