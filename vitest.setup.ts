import fc from 'fast-check';

/**
 * Property tests run with a fixed seed, so a failure in `npm test` reproduces exactly.
 * `npm run fuzz` (scripts/fuzz.mjs) passes a fresh seed and many more runs; a test that sets
 * its own seed or numRuns keeps them.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const numRuns = Number(process.env.FUZZ_RUNS ?? 300);
fc.configureGlobal({ seed, numRuns });
