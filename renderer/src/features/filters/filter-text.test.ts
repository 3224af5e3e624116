import { describe, expect, it } from 'vitest';
import type { FilterPreview, FilterRun } from '../../../../shared/model/hook-filter';
import { diagnosticText, previewSummary, runText } from './filter-text';

const preview = (counts: FilterPreview['counts'], sampled = false): FilterPreview => ({
  eventType: 'group.user_membership.add',
  diagnostics: [],
  checked: counts.pass + counts.drop + counts.unknown,
  deliveries: 30,
  sampled,
  counts,
  events: [],
});

describe('filter editor text', () => {
  it('says how many captured events the filter would have let through', () => {
    expect(previewSummary(preview({ pass: 12, drop: 28, unknown: 0 }))).toBe(
      'Would have let through 12 of the 40 group.user_membership.add events you received.',
    );
    expect(previewSummary(preview({ pass: 1, drop: 1, unknown: 2 }, true))).toBe(
      'Would have let through 1 of the 4 group.user_membership.add events you received (the newest, of 30 deliveries); 2 cannot be checked locally.',
    );
    expect(previewSummary(preview({ pass: 0, drop: 0, unknown: 0 }))).toMatch(
      /^No group.user_membership.add/,
    );
  });

  it('names syntax errors and unsupported syntax apart, with a 1-based position', () => {
    const span = { start: 13, end: 15 };
    expect(diagnosticText({ severity: 'error', span, message: 'expected a value' })).toBe(
      'Syntax error at 14: expected a value',
    );
    expect(diagnosticText({ severity: 'unsupported', span, message: 'projection' })).toMatch(
      /^Cannot be checked locally at 14/,
    );
  });

  it("summarises a saved filter's check of the history", () => {
    const run: FilterRun = {
      state: 'ready',
      done: 5,
      total: 5,
      events: { pass: 3, drop: 4, unknown: 1 },
      deliveries: 1,
      jobId: null,
      message: null,
    };
    expect(runText(run)).toBe('3 of 8 events pass in 1 delivery, 1 unchecked');
    expect(runText({ ...run, state: 'running', done: 2 })).toBe('checking 2 of 5 deliveries');
  });
});
