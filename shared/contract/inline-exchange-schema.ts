import { z } from 'zod';
import { INLINE_HOOKS, INLINE_TYPES } from '../okta/inline/catalog';
import { MAX_FINDINGS } from '../okta/inline/verdict';

/** The inline section of a stored exchange, bounded as the receiver bounds what it records. */
const text = (max: number) => z.string().max(max);
const requestType = z.enum(INLINE_TYPES.map((info) => info.type) as [string, ...string[]]);

const decoded = z.object({
  hook: z.enum(INLINE_HOOKS as unknown as [string, ...string[]]),
  type: requestType.nullable(),
  eventType: text(256).optional(),
  requestType: text(256).optional(),
  eventId: text(256).optional(),
  eventTime: text(256).optional(),
  source: text(256).optional(),
  facts: z.array(z.object({ label: text(64), value: text(256) })).max(20),
});

const finding = z.object({
  severity: z.enum(['reject', 'warn']),
  rule: text(64),
  message: text(4096),
  where: text(256).optional(),
});

export const inlineRecordSchema = z.object({
  request: decoded,
  answeredBy: z.enum(['template', 'forward', 'breakpoint', 'breakpoint-expired', 'refused']),
  verdict: z.object({
    outcome: z.enum(['applied', 'error', 'default', 'failed']),
    summary: text(4096),
    // The type's own findings, the note of how it was answered, and the count of the rest.
    findings: z.array(finding).max(MAX_FINDINGS + 2),
  }),
  heldMs: z.number().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
});
