import { z } from 'zod';

/** Header names per RFC 9110 `token`: what Node accepts and Okta can be configured with. */
export const headerNameSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid HTTP header name');

/** A header value as Node will send it: no line breaks or NUL. */
export const headerValueSchema = z
  .string()
  .max(8192)
  .regex(/^[^\r\n\0]*$/, 'a header value cannot contain line breaks or NUL');

export const hookPathSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^\/[^\s?#]*$/, 'must start with / and contain no spaces, ? or #');

export const responsePolicySchema = z
  .object({
    status: z.number().int().min(200).max(599),
    delayMs: z.number().int().min(0).max(60_000),
    body: z.string().max(64 * 1024),
  })
  .strict();

/** Where requests can be passed on to: an http(s) URL. */
export const targetUrlSchema = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i, 'must be an http:// or https:// URL');

export const forwardSettingsSchema = z
  .object({
    target: targetUrlSchema.nullable(),
    timeoutMs: z.number().int().min(1000).max(300_000),
    verification: z.enum(['auto', 'forward']),
  })
  .strict();

export const requiredHeaderSchema = z.object({ name: headerNameSchema, value: headerValueSchema }).strict();

export const settingsPatchSchema = z
  .object({
    port: z.number().int().min(0).max(65535).optional(),
    hookPath: hookPathSchema.optional(),
    authHeader: headerNameSchema.optional(),
    /** A string sets the secret; null removes it. */
    secret: headerValueSchema.nullable().optional(),
    requiredHeaders: z.array(requiredHeaderSchema).max(20).optional(),
    response: responsePolicySchema.optional(),
    forward: forwardSettingsSchema.optional(),
    bodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .optional(),
  })
  .strict();

export type SettingsPatch = z.output<typeof settingsPatchSchema>;

const methodSchema = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/, 'not an HTTP method');

export const replayEditsSchema = z
  .object({
    method: methodSchema.optional(),
    /** Path and query, replacing the target's. */
    path: z
      .string()
      .max(8192)
      .regex(/^\/[^\s#]*$/, 'must start with / and contain no spaces or #')
      .optional(),
    headers: z
      .array(z.tuple([headerNameSchema, headerValueSchema]))
      .max(500)
      .optional(),
    body: z
      .string()
      .max(10 * 1024 * 1024)
      .optional(),
  })
  .strict();

export const replayInputSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    ids: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
    order: z.enum(['received', 'published']).default('received'),
    /** `forward`, `receiver`, or an http(s) URL; default: the forward target if set, else the receiver. */
    target: z.union([z.literal('forward'), z.literal('receiver'), targetUrlSchema]).optional(),
    edits: replayEditsSchema.optional(),
    repeat: z.number().int().min(1).max(100).default(1),
    asOkta: z.boolean().default(false),
  })
  .strict()
  .refine((input) => (input.id === undefined) !== (input.ids === undefined), 'give either id or ids')
  .refine((input) => input.edits === undefined || input.id !== undefined, 'edits apply to one exchange (id)');
