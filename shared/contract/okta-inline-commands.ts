import { z } from 'zod';
import type { InlinePreview, OktaInlineHook, OktaInlineState } from '../model/okta-inline';
import { INLINE_HOOKS } from '../okta/inline/catalog';
import type { InlineHookKind } from '../model/inline';
import { defineCommand, returns } from './define';
import { inlineTypeSchema } from './inline-commands';

/** Inline hook ids (`cal…`): letters and digits only, so they are safe in paths. */
const hookIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9]+$/, 'not an Okta id');

const hookKindSchema = z.enum(INLINE_HOOKS as [InlineHookKind, ...InlineHookKind[]]);

/** The org's inline hooks (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/InlineHook/). */
export const oktaInlineCommands = {
  'okta.inlineHooks.list': defineCommand({
    summary: "List the org's inline hooks, and which call the inspector's public URL.",
    input: z.object({}).strict(),
    output: returns<OktaInlineState>(),
  }),
  'okta.inlineHooks.point': defineCommand({
    summary:
      'Create an inline hook of this kind (or update `hookId`) calling its public URL here, with the hook secret as HTTP header auth.',
    input: z
      .object({
        hook: hookKindSchema,
        hookId: hookIdSchema.optional(),
        name: z.string().trim().min(1).max(255).optional(),
      })
      .strict(),
    output: returns<OktaInlineHook>(),
  }),
  'okta.inlineHooks.lifecycle': defineCommand({
    summary: 'Activate, deactivate or delete (deactivating first) an inline hook.',
    input: z.object({ hookId: hookIdSchema, action: z.enum(['activate', 'deactivate', 'delete']) }).strict(),
    output: returns<OktaInlineState>(),
  }),
  'okta.inlineHooks.preview': defineCommand({
    summary:
      "Preview through Okta: send a sample to the hook's /execute so Okta itself calls the receiver; Okta's verdict beside the captured call.",
    input: z.object({ hookId: hookIdSchema, type: inlineTypeSchema.optional() }).strict(),
    output: returns<InlinePreview>(),
  }),
};
