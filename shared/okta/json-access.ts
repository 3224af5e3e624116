/** Small readers for untrusted JSON: each returns a typed value or a fallback, never throws. */

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asRecord = (value: unknown): JsonRecord | undefined => (isRecord(value) ? value : undefined);

/** Strings as they are; finite numbers and booleans as text (Okta mixes them). */
export const asText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
};

export const textOr = (value: unknown, fallback: string): string => asText(value) ?? fallback;

/** Okta writes the string "null" where it means no value (e.g. `client.zone`, https://developer.okta.com/docs/concepts/event-hooks/#sample-event-delivery-payload). */
export const nullableText = (value: unknown): string | null => {
  const text = asText(value);
  return text === undefined || text === 'null' ? null : text;
};
