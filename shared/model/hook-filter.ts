/**
 * Event hook filters as the UI and the API see them: saved filters and the filters of the
 * org's hooks, how far their evaluation over the history is, and previews of an expression
 * against captured events. Evaluation itself is shared/okta/filter.
 */
import type { Diagnostic, Severity } from '../okta/filter/el-check';
import type { Because, Verdict } from '../okta/filter/el-evaluate';
import type { FilterEntry } from '../okta/filter/event-filter';

export type { Because, Diagnostic, FilterEntry, Severity, Verdict };

/** A name usable in the search box as `filter:<name>`; compared without case. */
export const FILTER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * An event type as written in a filter: the catalog's are lower case with dots and underscores
 * (https://developer.okta.com/docs/reference/api/event-types/); types newer than the catalog here
 * are accepted, characters that could never be one are not.
 */
export const FILTER_EVENT_TYPE = { maxLength: 200, characters: /^[A-Za-z0-9_.]+$/ };

/** Whether `text` can be an event type in a filter (the engine's schema checks the same). */
export const isFilterEventType = (text: string): boolean =>
  text.length <= FILTER_EVENT_TYPE.maxLength && FILTER_EVENT_TYPE.characters.test(text);

export const filterKey = (name: string): string => name.toLowerCase();

/** Saved here, or read from an event hook of the connected org (named by the hook's id). */
export type FilterSource = { kind: 'saved' } | { kind: 'hook'; hookId: string; hookName: string };

/** The evaluation of a filter over the stored deliveries that carry its event types. */
export interface FilterRun {
  state: 'queued' | 'running' | 'ready' | 'failed' | 'cancelled';
  /** Deliveries looked at, of `total`. */
  done: number;
  total: number;
  /** Events of the filtered types, by verdict. */
  events: Record<Verdict, number>;
  /** Deliveries with at least one event the filter lets through: what `filter:<name>` lists. */
  deliveries: number;
  jobId: string | null;
  /** Why it failed or stopped; null otherwise. */
  message: string | null;
}

export interface FilterProblem {
  eventType: string;
  severity: Severity;
  message: string;
}

export interface FilterView {
  name: string;
  source: FilterSource;
  entries: FilterEntry[];
  /** The first problem of each entry that has one: a syntax error, or what cannot be checked here. */
  problems: FilterProblem[];
  run: FilterRun;
  updatedAt: number;
}

export interface FiltersState {
  filters: FilterView[];
}

/** One captured event, and what a filter makes of it. */
export interface EventCheck {
  exchangeId: string;
  receivedAt: number;
  uuid: string;
  published: string;
  displayMessage: string;
  verdict: Verdict;
  /** Spans index the expression that was checked. */
  because: Because[];
}

/** An expression tried against the newest captured events of one type. */
export interface FilterPreview {
  eventType: string;
  /** Syntax errors, and what lies outside the documented subset; empty when it can be checked. */
  diagnostics: Diagnostic[];
  /** Events checked: the newest captured events of the type, at most a sample's worth. */
  checked: number;
  /** Stored deliveries carrying the type, in all. */
  deliveries: number;
  /** More deliveries carry the type than the sample covers: save the filter to check them all. */
  sampled: boolean;
  counts: Record<Verdict, number>;
  /** The newest events of each verdict (a few dozen each). */
  events: EventCheck[];
}

/** An event a test delivery held back because the chosen filter does not let it through. */
export interface WithheldEvent {
  eventType: string;
  verdict: Exclude<Verdict, 'pass'>;
  /** What decided it, in words. */
  because: string;
}
