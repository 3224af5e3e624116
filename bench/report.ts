import { cpus, platform, release, totalmem } from 'node:os';

export interface Section {
  /** Also the key in bench/README.md: `## <title>`. */
  title: string;
  /** What was measured and how, in one paragraph. */
  method: string;
  header: string[];
  rows: string[][];
  /** Against the targets (see `judged`), and other findings, one line each. */
  verdicts: string[];
}

const machine = (): string =>
  `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
  `${platform()} ${release()}, Node ${process.version}`;

/** A number for a table: thousands separated, a fixed count of decimals. */
export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';

/** One line saying whether a target holds. */
export const judged = (text: string, met: boolean): string => `${text}: **${met ? 'met' : 'missed'}**.`;

const markdownTable = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '--:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

export function renderSection(section: Section, when: Date): string {
  return [
    `## ${section.title}`,
    '',
    section.method,
    '',
    `Last run ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.`,
    '',
    markdownTable(section.header, section.rows),
    '',
    ...section.verdicts.map((verdict) => `- ${verdict}`),
    '',
  ].join('\n');
}

/** Replace the `## <title>` section of a Markdown text (up to the next `## `), or append it. */
export function replaceSection(markdown: string, title: string, rendered: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${title}`);
  if (start === -1) return `${markdown.trimEnd()}\n\n${rendered}`;
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const after = next === -1 ? [] : lines.slice(next);
  return [...lines.slice(0, start), ...rendered.split('\n'), ...after].join('\n').trimEnd() + '\n';
}

/** Print a section as a table on the terminal. */
export function printSection(section: Section): void {
  const widths = section.header.map((h, i) =>
    Math.max(h.length, ...section.rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  process.stdout.write(`\n${section.title}\n${line(section.header)}\n${section.rows.map(line).join('\n')}\n`);
  for (const verdict of section.verdicts) process.stdout.write(`  ${verdict.replaceAll('**', '')}\n`);
}
