import { z } from 'zod';
import type { InlineCheck, InlineRequestType, InlineState } from '../model/inline';
import { INLINE_TYPES } from '../okta/inline/catalog';
import { defineCommand, returns } from './define';
import { hookPathSchema, targetUrlSchema } from './schemas';

export const inlineTypeSchema = z.enum(
  INLINE_TYPES.map((info) => info.type) as [InlineRequestType, ...InlineRequestType[]],
);

/** Okta's answers are under 256 KB; a template (before variables) stays well within that. */
const answerTextSchema = z.string().max(256 * 1024);

export const inlineTypePatchSchema = z
  .object({
    mode: z.enum(['template', 'forward', 'breakpoint']).optional(),
    template: answerTextSchema.optional(),
    forwardUrl: targetUrlSchema.nullable().optional(),
  })
  .strict();

/** The inline settings as stored: checked when read back from disk, like what the UI sends. */
export const inlineSettingsSchema = z
  .object({
    basePath: hookPathSchema,
    types: z.record(
      inlineTypeSchema,
      z
        .object({
          mode: z.enum(['template', 'forward', 'breakpoint']),
          template: answerTextSchema,
          forwardUrl: targetUrlSchema.nullable(),
        })
        .strict(),
    ),
  })
  .strict();

/** Okta inline hooks: how each type is answered, the calls held at a breakpoint. */
export const inlineCommands = {
  'inline.get': defineCommand({
    summary: 'How each inline hook type is answered (template, forward, breakpoint) and the calls held now.',
    input: z.object({}).strict(),
    output: returns<InlineState>(),
  }),
  'inline.configure': defineCommand({
    summary:
      'Change the inline hooks base path or a type’s mode, template (JSON with {{variables}}) or handler URL; `reset` restores a type’s starting template.',
    input: z
      .object({
        basePath: hookPathSchema.optional(),
        types: z.partialRecord(inlineTypeSchema, inlineTypePatchSchema).optional(),
        reset: z.array(inlineTypeSchema).max(7).optional(),
      })
      .strict(),
    output: returns<InlineState>(),
  }),
  'inline.check': defineCommand({
    summary:
      'Fill an answer’s {{variables}} from a request (a sample of the type by default) and say what Okta would do with it.',
    input: z
      .object({
        type: inlineTypeSchema,
        answer: answerTextSchema,
        status: z.number().int().min(100).max(599).default(200),
        request: z
          .string()
          .max(1024 * 1024)
          .optional(),
      })
      .strict(),
    output: returns<InlineCheck>(),
  }),
  'inline.release': defineCommand({
    summary:
      'Send this answer (JSON, or empty for 204) to a call held at a breakpoint; refused once Okta’s budget is over.',
    input: z.object({ id: z.string().min(1).max(100), answer: answerTextSchema }).strict(),
    output: returns<InlineCheck>(),
  }),
};
