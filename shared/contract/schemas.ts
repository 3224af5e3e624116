import { z } from 'zod';

/** Header names per RFC 9110 `token`: what Node accepts and Okta can be configured with. */
export const headerNameSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid HTTP header name');

export const hookPathSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^\/[^\s?#]*$/, 'must start with / and contain no spaces, ? or #');

export const settingsPatchSchema = z
  .object({
    port: z.number().int().min(0).max(65535).optional(),
    hookPath: hookPathSchema.optional(),
    authHeader: headerNameSchema.optional(),
    /** A string sets the secret; null removes it. */
    secret: z
      .string()
      .max(4096)
      .regex(/^[^\r\n\0]*$/, 'a header value cannot contain line breaks or NUL')
      .nullable()
      .optional(),
    successStatus: z.union([z.literal(200), z.literal(204)]).optional(),
    bodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .optional(),
  })
  .strict();

export type SettingsPatch = z.output<typeof settingsPatchSchema>;
