// `npm run test:load`: the load test's heavy profile (5,000 keep-alive connections, 1,000
// slowloris clients held past the headers timeout). Needs `ulimit -n` of at least 13,000.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const { status } = spawnSync(process.execPath, [vitest, 'run', 'electron/core/receiver/load.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, LOAD_PROFILE: 'heavy' },
});
process.exit(status ?? 1);
