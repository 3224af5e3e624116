import { z } from 'zod';
import type { Exchange } from '../../../shared/model/exchange';

/** The first line of a native export: what it is, so an import can tell it from anything else. */
export const NDJSON_FORMAT = 'okta-hook-inspector/exchanges';
export const NDJSON_VERSION = 1;

export interface NdjsonHeader {
  format: typeof NDJSON_FORMAT;
  version: typeof NDJSON_VERSION;
  exportedAt: string;
  count: number;
  secretsMasked: boolean;
}

export const ndjsonHeader = (count: number, exportedAt: number, secretsMasked: boolean): NdjsonHeader => ({
  format: NDJSON_FORMAT,
  version: NDJSON_VERSION,
  exportedAt: new Date(exportedAt).toISOString(),
  count,
  secretsMasked,
});

export const isNdjsonHeader = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { format?: unknown }).format === NDJSON_FORMAT;

const headerList = z.array(z.tuple([z.string(), z.string()]));
const body = z.looseObject({
  text: z.string().optional(),
  base64: z.string().optional(),
  size: z.number().int().min(0),
  truncated: z.boolean(),
});

/** The inline section, as the detail view reads it. */
const inlineShape = z.looseObject({
  request: z.looseObject({
    hook: z.string(),
    type: z.string().nullable(),
    facts: z.array(z.looseObject({ label: z.string(), value: z.string() })),
  }),
  answeredBy: z.string(),
  verdict: z.looseObject({
    outcome: z.enum(['applied', 'error', 'default', 'failed']),
    summary: z.string(),
    findings: z.array(
      z.looseObject({ severity: z.enum(['reject', 'warn']), rule: z.string(), message: z.string() }),
    ),
  }),
});

/**
 * The shape an exchange line must have to be imported. Checked, not rewritten: the line is kept
 * as it was (loose objects), so an NDJSON round trip loses nothing.
 */
const exchangeShape = z.looseObject({
  id: z.string().min(1),
  seq: z.number().int(),
  kind: z.enum(['verification', 'delivery', 'inline', 'other']),
  origin: z.enum(['live', 'sample', 'replay', 'imported']),
  receivedAt: z.number(),
  request: z.looseObject({
    method: z.string(),
    path: z.string(),
    query: z.string(),
    httpVersion: z.string(),
    headers: headerList,
    body,
    remoteAddress: z.string(),
  }),
  response: z.looseObject({ status: z.number().int(), headers: headerList, body }),
  timing: z.looseObject({ bodyMs: z.number(), durationMs: z.number() }),
  auth: z.looseObject({
    result: z.enum(['ok', 'missing', 'mismatch', 'not-configured']),
    header: z.string(),
  }),
  okta: z.looseObject({
    events: z.array(z.looseObject({ uuid: z.string(), eventType: z.string(), published: z.string() })),
  }),
  problems: z.array(z.looseObject({ code: z.string(), message: z.string() })),
  inline: inlineShape.optional(),
});

/** The exchange on one line, or why it is not one. */
export function readExchangeLine(value: unknown): { exchange: Exchange } | { error: string } {
  const result = exchangeShape.safeParse(value);
  if (result.success) return { exchange: value as Exchange };
  const [issue] = result.error.issues;
  const where = issue?.path.join('.') ?? '';
  return { error: `${where === '' ? 'the line' : where}: ${issue?.message ?? 'not an exchange'}` };
}
