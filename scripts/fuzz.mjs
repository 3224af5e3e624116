// `npm run fuzz`: the property tests (*.fuzz.test.ts) with a random seed and many more runs.
// FUZZ_SEED=<seed> reproduces a run; FUZZ_RUNS=<n> sets the runs per property.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31 - 1));
const runs = process.env.FUZZ_RUNS ?? '20000';
process.stdout.write(
  `fuzz: seed ${seed}, ${runs} runs per property (reproduce: FUZZ_SEED=${seed} npm run fuzz)\n`,
);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const { status } = spawnSync(process.execPath, [vitest, 'run', '.fuzz.test.', '--testTimeout=600000'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
if (status !== 0)
  process.stdout.write(`fuzz failed: reproduce with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz\n`);
process.exit(status ?? 1);
