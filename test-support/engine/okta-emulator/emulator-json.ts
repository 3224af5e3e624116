/** Reading request bodies: the emulator shares no code with the inspector, so it has its own. */
export type JsonRecord = Record<string, unknown>;

export const asRecord = (value: unknown): JsonRecord | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;

export const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
