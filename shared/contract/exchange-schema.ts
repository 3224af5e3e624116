import { z } from 'zod';
import type { Exchange } from '../model/exchange';
import { MAX_DECODED_EVENTS } from '../okta/envelope';
import { FIELD_LIMITS, MAX_HOOK_IDS, MAX_TARGETS } from '../okta/log-event';
import { inlineRecordSchema } from './inline-exchange-schema';
import { exchangeIdSchema, methodSchema } from './schemas';

/**
 * What a stored exchange may hold, bounded as the receiver bounds what it records. Everything
 * the receiver, replay and samples store passes it (the hostile-input corpus checks every record
 * against it); an import must pass it before anything is written, so a crafted file can hold
 * nothing a live request could not: no null where the UI expects text, no method that is not an
 * HTTP token, no date a timeline cannot draw, no event type too long to search.
 */

/** Control characters have no place in a request line; a tab does. */
function withoutControls(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return false;
  }
  return true;
}
const MAX_HEAD = 64 * 1024;
const MAX_TEXT = 4096;
/** The largest body limit the settings allow. */
const MAX_BODY = 512 * 1024 * 1024;

/** Exchanges are dated from 2000 up to 2100: anything else is a crafted or broken file. */
export const RECEIVED_RANGE = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) };

const text = (max: number) => z.string().max(max);
const headText = z.string().max(MAX_HEAD).refine(withoutControls, 'contains control characters');
const token = z
  .string()
  .min(1)
  .max(MAX_HEAD)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not an HTTP token');
const headerValue = z
  .string()
  .max(MAX_HEAD)
  .regex(/^[^\r\n\0]*$/, 'contains a line break or NUL');
const headerList = z.array(z.tuple([token, headerValue])).max(10_000);
const duration = z.number().nonnegative().max(Number.MAX_SAFE_INTEGER);
const epochMs = z
  .number()
  .min(RECEIVED_RANGE.from, 'is before the year 2000')
  .lt(RECEIVED_RANGE.to, 'is after the year 2100');

const bodyData = z
  .object({
    text: text(MAX_BODY).optional(),
    base64: text(MAX_BODY)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64')
      .optional(),
    size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    truncated: z.boolean(),
  })
  .refine((body) => (body.text === undefined) !== (body.base64 === undefined), 'needs text or base64');

const response = z.object({ status: z.number().int().min(0).max(999), headers: headerList, body: bodyData });

const short = text(FIELD_LIMITS.short + 1);
const long = text(FIELD_LIMITS.long + 1);
const actor = z.object({ id: short, type: short, alternateId: long, displayName: long });

const oktaEvent = z.object({
  uuid: short,
  eventType: short,
  displayMessage: long,
  published: short,
  severity: short,
  outcome: z.object({ result: short, reason: long.nullable() }),
  actor: actor.nullable(),
  targets: z.array(actor).max(MAX_TARGETS),
  transactionId: short.nullable(),
  client: z.object({
    ipAddress: short.nullable(),
    userAgent: long.nullable(),
    browser: short.nullable(),
    os: short.nullable(),
    city: short.nullable(),
    state: short.nullable(),
    country: short.nullable(),
  }),
  targetEventHookIds: z.array(short).max(MAX_HOOK_IDS),
});

const eventIds = z.array(short).max(MAX_DECODED_EVENTS);
const origin = z.enum(['live', 'sample', 'replay', 'rebuilt', 'imported']);

export const exchangeSchema = z.object({
  id: exchangeIdSchema,
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  kind: z.enum(['verification', 'delivery', 'inline', 'other']),
  origin,
  receivedAt: epochMs,
  request: z.object({
    method: methodSchema,
    path: headText,
    query: headText,
    httpVersion: text(16).refine(withoutControls, 'contains control characters'),
    headers: headerList,
    body: bodyData,
    decodedBody: bodyData.optional(),
    remoteAddress: text(256),
  }),
  response,
  timing: z.object({
    bodyMs: duration,
    targetMs: duration.optional(),
    storedMs: duration.optional(),
    durationMs: duration,
  }),
  auth: z.object({
    result: z.enum(['ok', 'missing', 'mismatch', 'not-configured']),
    header: text(MAX_HEAD),
    message: text(MAX_TEXT).optional(),
  }),
  okta: z.object({
    eventId: short.optional(),
    eventTime: short.optional(),
    source: long.optional(),
    hookId: short.optional(),
    events: z.array(oktaEvent).max(MAX_DECODED_EVENTS),
  }),
  problems: z.array(z.object({ code: text(64), message: text(MAX_TEXT) })).max(100),
  sightings: z
    .object({
      repeatOf: exchangeIdSchema.optional(),
      repeatedEvents: z
        .array(z.object({ uuid: short, firstExchangeId: exchangeIdSchema }))
        .max(MAX_DECODED_EVENTS),
      outOfOrder: eventIds,
    })
    .optional(),
  forward: z
    .object({
      url: headText,
      headers: headerList,
      response: response.optional(),
      error: z
        .object({ cause: z.enum(['refused', 'dns', 'reset', 'timeout', 'other']), message: text(MAX_TEXT) })
        .optional(),
    })
    .optional(),
  verificationProblem: text(MAX_TEXT).nullable().optional(),
  replayOf: exchangeIdSchema.optional(),
  imported: z
    .object({
      file: text(1024),
      at: epochMs,
      original: z.object({ id: exchangeIdSchema, seq: z.number().int().nonnegative(), origin }).optional(),
    })
    .optional(),
  inline: inlineRecordSchema.optional(),
});

/** An exchange before the store gives it its place: what an import writes. */
const draftSchema = exchangeSchema.omit({ id: true, seq: true });

type Checked<T> = { value: T } | { error: string };

function check<T>(schema: z.ZodType, value: unknown): Checked<T> {
  const result = schema.safeParse(value);
  // Unknown fields are dropped: only what the schema describes is written.
  if (result.success) return { value: result.data as T };
  const [issue] = result.error.issues;
  const where = issue?.path.join('.') ?? '';
  return { error: `${where === '' ? 'the exchange' : where}: ${issue?.message ?? 'not an exchange'}` };
}

/** The value as an Exchange, or the first reason it is not one. */
export const checkExchange = (value: unknown): Checked<Exchange> => check(exchangeSchema, value);

/** The value as an exchange without its id and seq, or the first reason it is not one. */
export const checkDraft = (value: unknown): Checked<Omit<Exchange, 'id' | 'seq'>> =>
  check(draftSchema, value);
