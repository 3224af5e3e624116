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

const MIB = 1024 * 1024;

export const retentionSchema = z
  .object({
    maxCount: z.number().int().min(100).max(10_000_000),
    maxBytes: z
      .number()
      .int()
      .min(16 * MIB)
      .max(1024 * 1024 * MIB),
  })
  .strict();

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
    retention: retentionSchema.optional(),
  })
  .strict();

export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const exchangeIdSchema = z.string().min(1).max(100);

/** The search box's syntax (README "Searching"); the engine parses it. */
export const querySchema = z.string().max(4000);

/**
 * Which exchanges a bulk action applies to: `ids`, or every exchange matching `query` (all when
 * empty) except `except`, so "select all matching" needs no list of 100,000 ids.
 */
export const selectorShape = {
  ids: z.array(exchangeIdSchema).max(100_000).optional(),
  query: querySchema.optional(),
  except: z.array(exchangeIdSchema).max(100_000).optional(),
};

export const onlyIdsOrQuery = (selector: { ids?: unknown; query?: unknown; except?: unknown }) =>
  selector.ids === undefined || (selector.query === undefined && selector.except === undefined);

export const ONLY_IDS_OR_QUERY = { message: 'Pass ids, or a query (with except), not both.' };
