import { checkExpression, type Diagnostic } from './el-check';
import { evaluateChecked, type EventVerdict } from './el-evaluate';
import { parseExpression } from './el-parser';

export type { Diagnostic, EventVerdict };

/** One expression, ready to check events with. */
export interface CompiledFilter {
  expression: string;
  /** Syntax errors, and what lies outside the documented subset, with where. */
  diagnostics: Diagnostic[];
  /** It parsed, stays inside the documented subset and comes out true or false. */
  checkable: boolean;
  evaluate(event: unknown): EventVerdict;
}

/**
 * An event hook filter expression (https://developer.okta.com/docs/guides/event-hook-filtering/),
 * parsed and checked once; `evaluate` then says per LogEvent whether Okta would deliver it.
 */
export function compileFilter(expression: string): CompiledFilter {
  const parsed = parseExpression(expression);
  if (!parsed.ok) {
    const { span, message } = parsed.error;
    return uncheckable(expression, [{ severity: 'error', span, message }]);
  }
  const diagnostics = checkExpression(parsed.node);
  if (diagnostics.length > 0) return uncheckable(expression, diagnostics);
  const { node } = parsed;
  return {
    expression,
    diagnostics,
    checkable: true,
    evaluate: (event) => evaluateChecked(node, expression, event),
  };
}

function uncheckable(expression: string, diagnostics: Diagnostic[]): CompiledFilter {
  const [first] = diagnostics;
  const verdict: EventVerdict = {
    verdict: 'unknown',
    because: first ? [{ span: first.span, text: first.message }] : [],
  };
  return { expression, diagnostics, checkable: false, evaluate: () => verdict };
}

/** One entry of a hook's `events.filter.eventFilterMap`: an event type and its condition. */
export interface FilterEntry {
  eventType: string;
  expression: string;
}

/** What a filter map makes of one event: its entry's verdict, or `unfiltered` (always delivered). */
export type MapVerdict =
  (EventVerdict & { eventType: string }) | { verdict: 'unfiltered'; eventType: string };

/**
 * A whole filter map: Okta applies each entry to events of its type and delivers events of the
 * hook's other types unfiltered (https://developer.okta.com/docs/concepts/event-hooks/).
 */
export class FilterMap {
  private readonly byType = new Map<string, CompiledFilter>();

  constructor(readonly entries: readonly FilterEntry[]) {
    for (const entry of entries) this.byType.set(entry.eventType, compileFilter(entry.expression));
  }

  get types(): string[] {
    return [...this.byType.keys()];
  }

  forType(eventType: string): CompiledFilter | undefined {
    return this.byType.get(eventType);
  }

  evaluate(event: unknown): MapVerdict {
    const eventType = eventTypeOf(event);
    const filter = eventType === null ? undefined : this.byType.get(eventType);
    if (!filter) return { verdict: 'unfiltered', eventType: eventType ?? '' };
    return { ...filter.evaluate(event), eventType: eventType ?? '' };
  }
}

/** `eventType` of a raw LogEvent, when it has one. */
export function eventTypeOf(event: unknown): string | null {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return null;
  const type = (event as Record<string, unknown>).eventType;
  return typeof type === 'string' ? type : null;
}
