import { readFile, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import type { BenchOptions } from './options';
import { RESULTS_FILE } from './paths';
import { printSection, renderSection, replaceSection, type Section } from './report';
import { receiverBench } from './receiver.bench';
import { streamBench } from './stream.bench';
import { historyBench } from './history.bench';
import { largeBodyBench } from './large-body.bench';
import { memoryBench } from './memory.bench';
import { removeSeededHistories } from './seeded-history';

/** Every benchmark by the name `npm run bench -- <name>` takes, in the order `npm run bench` runs them. */
const BENCHMARKS: Record<string, (options: BenchOptions) => Promise<Section>> = {
  receiver: receiverBench,
  stream: streamBench,
  history: historyBench,
  'large-body': largeBodyBench,
  memory: memoryBench,
};

async function main(argv: string[]): Promise<void> {
  const smoke = argv.includes('--smoke');
  const names = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; there are: ${Object.keys(BENCHMARKS).join(', ')}.`,
    );
  }
  for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) {
    process.stdout.write(`\n▶ ${name}${smoke ? ' (smoke)' : ''}\n`);
    const section = await BENCHMARKS[name]!({ smoke });
    printSection(section);
    // A smoke run measures nothing worth keeping; a real one is written at once, so a later
    // failure does not lose it.
    if (!smoke) await record(section);
  }
}

/** Rewrite the benchmark's section of bench/README.md, formatted as `npm run format` would. */
async function record(section: Section): Promise<void> {
  const markdown = replaceSection(
    await readFile(RESULTS_FILE, 'utf8'),
    section.title,
    renderSection(section, new Date()),
  );
  const options = await resolveConfig(RESULTS_FILE);
  await writeFile(RESULTS_FILE, await format(markdown, { ...options, filepath: RESULTS_FILE }));
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => removeSeededHistories());
