import type { Span } from './el-lexer';
import { NULL, Undecidable, type Value } from './el-values';

/**
 * The LogEvent fields an event hook filter can read, as Okta lists them ("Okta Expression
 * Language and event hooks", linked from
 * https://developer.okta.com/docs/concepts/event-hooks/#create-an-event-hook-filter; also
 * https://help.okta.com/oie/en-us/content/topics/automation-hooks/event-hooks-el.htm): `path` as
 * written after `event.`, `from` where it sits in the LogEvent JSON. `debugData` is the
 * event's `debugContext.debugData`, a free-form map of strings.
 */
export const EVENT_FIELDS = [
  { path: 'eventType', from: ['eventType'] },
  { path: 'outcome.result', from: ['outcome', 'result'] },
  { path: 'outcome.reason', from: ['outcome', 'reason'] },
  { path: 'actor.id', from: ['actor', 'id'] },
  { path: 'actor.type', from: ['actor', 'type'] },
  { path: 'actor.alternateId', from: ['actor', 'alternateId'] },
  { path: 'actor.displayName', from: ['actor', 'displayName'] },
  { path: 'debugData.changedAttributes', from: ['debugContext', 'debugData', 'changedAttributes'] },
] as const;

/** Targets are read through a selection, `event.target.?[type eq 'UserGroup']`, on these fields. */
export const TARGET_FIELDS = ['id', 'type', 'alternateId', 'displayName'] as const;

export type EventFieldPath = (typeof EVENT_FIELDS)[number]['path'];

export const isEventField = (path: string): path is EventFieldPath =>
  EVENT_FIELDS.some((field) => field.path === path);

/** `outcome`, `actor`, `debugData`: reachable only on the way to a field. */
export const isFieldPrefix = (path: string): boolean =>
  EVENT_FIELDS.some((field) => field.path.startsWith(`${path}.`));

export const isTargetField = (name: string): boolean => (TARGET_FIELDS as readonly string[]).includes(name);

export const listFields = (): string =>
  [...EVENT_FIELDS.map((f) => `event.${f.path}`), 'event.target.?[…]'].join(', ');

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A leaf as Okta's LogEvent object would hold it: absent or null is null (Okta writes nulls
 * out, and an absent property of its object reads as null); text is text; anything else is a
 * type the LogEvent does not have there, so what Okta would make of it is unknown.
 */
function leaf(value: unknown, name: string, span: Span): Value {
  if (value === undefined || value === null) return NULL;
  if (typeof value === 'string') return { t: 'string', v: value };
  throw new Undecidable(span, `${name} is ${kindOf(value)} in this event, where Okta's LogEvent has text.`);
}

const kindOf = (value: unknown) =>
  Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

/** `event.<path>` of one raw LogEvent. */
export function readEventField(event: unknown, path: EventFieldPath, span: Span): Value {
  const { from } = EVENT_FIELDS.find((f) => f.path === path) ?? EVENT_FIELDS[0];
  let at: unknown = event;
  for (const [index, step] of from.entries()) {
    if (!isRecord(at)) throw new Undecidable(span, nullRead(nameOf(from, index), at, step));
    if (index === from.length - 1 && from[0] === 'debugContext' && !Object.hasOwn(at, step)) {
      // debugData is a free-form map: Okta documents no default for a key an event lacks.
      throw new Undecidable(
        span,
        `This event's debugData has no ${step}; Okta does not document what a filter reads then.`,
      );
    }
    at = Object.hasOwn(at, step) ? at[step] : undefined;
  }
  return leaf(at, `event.${path}`, span);
}

const nameOf = (from: readonly string[], index: number) =>
  index === 0 ? 'the event' : `event.${from.slice(0, index).join('.')}`;

const nullRead = (name: string, value: unknown, step: string) =>
  value === null || value === undefined
    ? `${name} is null here, so reading its ${step} fails in SpEL; Okta does not document the outcome.`
    : `${name} is ${kindOf(value)} here, not an object with ${step}.`;

/** `event.target`: a list for the selection to go through. */
export function readTargets(event: unknown, span: Span): Value {
  const target = isRecord(event) && Object.hasOwn(event, 'target') ? event.target : undefined;
  if (Array.isArray(target)) return { t: 'list', items: target };
  if (target === undefined || target === null) {
    throw new Undecidable(
      span,
      'event.target is null in this event (Okta sends null for some event types); a selection on null fails in SpEL and Okta does not document the outcome.',
    );
  }
  throw new Undecidable(span, `event.target is ${kindOf(target)} in this event, not a list.`);
}

/** A field of one target inside a selection. */
export function readTargetField(element: unknown, name: string, span: Span): Value {
  if (!isRecord(element)) {
    throw new Undecidable(
      span,
      `A target of this event is ${element === null ? 'null' : kindOf(element)}, not an object.`,
    );
  }
  return leaf(Object.hasOwn(element, name) ? element[name] : undefined, `target ${name}`, span);
}
