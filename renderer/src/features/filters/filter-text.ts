import type { Diagnostic, FilterPreview, FilterRun } from '../../../../shared/model/hook-filter';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * "Would have let through 12 of the 40 group.user_membership.add events you received", with
 * what cannot be checked and whether only the newest were tried.
 */
export function previewSummary(preview: FilterPreview): string {
  const { pass, drop, unknown } = preview.counts;
  const total = pass + drop + unknown;
  if (total === 0) return `No ${preview.eventType} events captured yet: nothing to try it on.`;
  const head = `Would have let through ${pass} of the ${total} ${preview.eventType} events you received`;
  const unchecked = unknown > 0 ? `; ${unknown} cannot be checked locally` : '';
  const newest = preview.sampled
    ? ` (the newest, of ${plural(preview.deliveries, 'delivery', 'deliveries')})`
    : '';
  return `${head}${newest}${unchecked}.`;
}

/** Where a diagnostic points, for the line under the editor: "at 14: …". */
export function diagnosticText(diagnostic: Diagnostic): string {
  const label = diagnostic.severity === 'error' ? 'Syntax error' : 'Cannot be checked locally';
  return `${label} at ${diagnostic.span.start + 1}: ${diagnostic.message}`;
}

/** A saved filter's check of the history, in a few words. */
export function runText(run: FilterRun): string {
  const { pass, drop, unknown } = run.events;
  switch (run.state) {
    case 'queued':
      return 'waiting to check the history';
    case 'running':
      return `checking ${run.done} of ${run.total} deliveries`;
    case 'failed':
    case 'cancelled':
      return run.message ?? run.state;
    case 'ready': {
      const unchecked = unknown > 0 ? `, ${unknown} unchecked` : '';
      return `${pass} of ${pass + drop + unknown} events pass in ${plural(run.deliveries, 'delivery', 'deliveries')}${unchecked}`;
    }
  }
}
