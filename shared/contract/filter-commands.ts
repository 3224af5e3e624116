import { z } from 'zod';
import { FILTER_EVENT_TYPE, FILTER_NAME, type FilterPreview, type FiltersState } from '../model/hook-filter';
import type { HookRun } from '../model/okta';
import type { FieldCatalog } from '../okta/filter/field-catalog';
import { MAX_EXPRESSION_LENGTH } from '../okta/filter/el-parser';
import { MAX_HOOK_EVENT_TYPES } from '../okta/event-hook';
import { defineCommand, returns } from './define';

const filterEventTypeSchema = z
  .string()
  .min(1)
  .max(FILTER_EVENT_TYPE.maxLength)
  .regex(FILTER_EVENT_TYPE.characters, 'an event type has letters, digits, dots and underscores only');

export const filterNameSchema = z
  .string()
  .regex(FILTER_NAME, 'a name has letters, digits, . _ - (up to 64), starting with a letter or digit');

const expressionSchema = z.string().max(MAX_EXPRESSION_LENGTH);

const entriesSchema = z
  .array(z.object({ eventType: filterEventTypeSchema, expression: expressionSchema.min(1) }).strict())
  .min(1)
  .max(MAX_HOOK_EVENT_TYPES)
  .refine(
    (entries) => new Set(entries.map((entry) => entry.eventType)).size === entries.length,
    'an event type has one expression only',
  );

const oktaIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9]+$/, 'not an Okta id');

/** Event hook filters: write one, try it on captured events, keep it, set it on a hook. */
export const filterCommands = {
  'filters.list': defineCommand({
    summary: 'Saved filters and the filters of tracked hooks, with how far their check of the history is.',
    input: z.object({}).strict(),
    output: returns<FiltersState>(),
  }),
  'filters.save': defineCommand({
    summary:
      'Save a filter (one expression per event type); it is checked against the history as a job, then against each delivery as it arrives; `filter:<name>` lists what it lets through.',
    input: z
      .object({ name: filterNameSchema, entries: entriesSchema, replaces: filterNameSchema.optional() })
      .strict(),
    output: returns<FiltersState>(),
  }),
  'filters.delete': defineCommand({
    summary: 'Forget a saved filter.',
    input: z.object({ name: filterNameSchema }).strict(),
    output: returns<FiltersState>(),
  }),
  'filters.preview': defineCommand({
    summary:
      'Check an expression (syntax, and what lies outside the documented subset) and try it on the newest captured events of one type: counts, and the events with what decided each.',
    input: z.object({ eventType: filterEventTypeSchema, expression: expressionSchema }).strict(),
    output: returns<FilterPreview>(),
  }),
  'filters.fields': defineCommand({
    summary: 'The filterable fields the newest captured events of a type have, with their frequent values.',
    input: z.object({ eventType: filterEventTypeSchema }).strict(),
    output: returns<FieldCatalog>(),
  }),
  'okta.hooks.filter': defineCommand({
    summary:
      "Set (or with `entries: null` clear) the event filter of a hook pointing here, through Okta's Event Hooks API; the run shows each call and Okta's answer.",
    input: z.object({ hookId: oktaIdSchema, entries: entriesSchema.nullable() }).strict(),
    output: returns<HookRun>(),
  }),
};
