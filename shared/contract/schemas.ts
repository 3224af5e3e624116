import { z } from 'zod';
import { FORWARD_TIMEOUT_MS } from '../model/settings';

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
    timeoutMs: z.number().int().min(FORWARD_TIMEOUT_MS.min).max(FORWARD_TIMEOUT_MS.max),
    verification: z.enum(['auto', 'forward']),
  })
  .strict();

export const requiredHeaderSchema = z.object({ name: headerNameSchema, value: headerValueSchema }).strict();

/** A host name only, as ngrok's dashboard lists it: `your-name.ngrok-free.app`. */
export const ngrokDomainSchema = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
    'a host name like your-name.ngrok-free.app, without https:// or a path',
  );

/**
 * The base URL of a tunnel the user runs (cloudflared, a reverse proxy …). http is accepted for
 * local proxies; the UI warns that Okta itself only calls https.
 */
export const publicUrlSchema = z
  .url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. https://x.trycloudflare.com' })
  .max(2048)
  .regex(/^https?:\/\/[^/?#@\s]+(\/[^?#\s]*)?$/i, 'a base URL without query, fragment or credentials');

/** ngrok authtokens are printable ASCII without spaces; the length bound only stops garbage. */
export const ngrokAuthtokenSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'an ngrok authtoken has no spaces or line breaks');

export const tunnelProviderSchema = z.enum(['ngrok', 'manual', 'none']);

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
    forward: forwardSettingsSchema.optional(),
    bodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024)
      .optional(),
    tunnelProvider: tunnelProviderSchema.optional(),
    /** null removes the domain (ngrok then gives a random URL). */
    ngrokDomain: ngrokDomainSchema.nullable().optional(),
    publicUrl: publicUrlSchema.nullable().optional(),
    tunnelAutoStart: z.boolean().optional(),
    /** A string sets the authtoken (kept in the secret vault); null removes the saved one. */
    ngrokAuthtoken: ngrokAuthtokenSchema.nullable().optional(),

    retention: retentionSchema.optional(),
  })
  .strict();

/** What `settings.json` may hold: everything but the secrets, which live in the vault. */
export const storedSettingsSchema = settingsPatchSchema.omit({ secret: true, ngrokAuthtoken: true });

export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const methodSchema = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/, 'not an HTTP method');

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

export const exchangeIdSchema = z.string().min(1).max(100);

/** The search box's syntax (docs/history-and-search.md, "Searching"); the engine parses it. */
export const querySchema = z.string().max(4000);

/** Replays go one after the other; more than this at once is a mistake, not a workflow. */
export const MAX_REPLAYED = 1000;

export const replayInputSchema = z
  .object({
    id: exchangeIdSchema.optional(),
    ids: z.array(exchangeIdSchema).min(1).max(MAX_REPLAYED).optional(),
    /** Every exchange matching the search (except some), as "select all" picks them. */
    query: querySchema.optional(),
    except: z.array(exchangeIdSchema).max(100_000).optional(),
    order: z.enum(['received', 'published']).default('received'),
    /** `forward`, `receiver`, or an http(s) URL; default: the forward target if set, else the receiver. */
    target: z.union([z.literal('forward'), z.literal('receiver'), targetUrlSchema]).optional(),
    edits: replayEditsSchema.optional(),
    repeat: z.number().int().min(1).max(100).default(1),
    asOkta: z.boolean().default(false),
  })
  .strict()
  .refine(
    (input) => [input.id, input.ids, input.query].filter((given) => given !== undefined).length === 1,
    'give one of id, ids or query',
  )
  .refine((input) => input.except === undefined || input.query !== undefined, 'except goes with query')
  .refine((input) => input.edits === undefined || input.id !== undefined, 'edits apply to one exchange (id)');

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
