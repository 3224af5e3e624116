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
