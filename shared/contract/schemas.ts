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
    bodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .optional(),
  })
  .strict();

export type SettingsPatch = z.output<typeof settingsPatchSchema>;
