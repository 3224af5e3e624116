import { describe, expect, it } from 'vitest';
import { renderSection, replaceSection } from './report';

const section = (title: string, value: string) =>
  renderSection(
    { title, method: 'How.', header: ['a', 'b'], rows: [['x', value]], verdicts: ['Fine.'] },
    new Date(0),
  );

describe('bench report', () => {
  it('renders a section with its machine line, table and verdicts', () => {
    const text = section('Receiver', '1');
    expect(text).toMatch(/^## Receiver\n\nHow\.\n\nLast run 1970-01-01 00:00 UTC on .+, Node v/);
    expect(text).toContain('| x | 1 |');
    expect(text).toContain('- Fine.');
  });

  it('replaces only its own section, keeps the others and what is written by hand, or appends it', () => {
    const readme = `# Benchmarks\n\nIntro.\n\n${section('One', '1')}\n${section('Two', '2')}\n## Notes\n\nBy hand.\n`;
    const updated = replaceSection(readme, 'One', section('One', '9'));
    expect(updated).toContain('| x | 9 |');
    expect(updated).not.toContain('| x | 1 |');
    expect(updated).toContain('| x | 2 |');
    expect(updated).toMatch(/Intro\.\n\n## One\n[\s\S]*## Two\n[\s\S]*## Notes\n\nBy hand\.\n$/);
    expect(replaceSection(updated, 'Three', section('Three', '3'))).toMatch(/By hand\.\n\n## Three\n/);
  });
});
