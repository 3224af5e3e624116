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
    tunnelProvider: tunnelProviderSchema.optional(),
    /** null removes the domain (ngrok then gives a random URL). */
    ngrokDomain: ngrokDomainSchema.nullable().optional(),
    publicUrl: publicUrlSchema.nullable().optional(),
    tunnelAutoStart: z.boolean().optional(),
    /** A string sets the authtoken (kept in the secret vault); null removes the saved one. */
    ngrokAuthtoken: ngrokAuthtokenSchema.nullable().optional(),
  })
  .strict();

/** What `settings.json` may hold: everything but the secrets, which live in the vault. */
export const storedSettingsSchema = settingsPatchSchema.omit({ secret: true, ngrokAuthtoken: true });

export type SettingsPatch = z.output<typeof settingsPatchSchema>;
