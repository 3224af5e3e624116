import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Synthetic Okta payloads (invented ids, documentation IP ranges), copied in for tests. */
const PAYLOAD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/okta/fixtures');

export const payloadText = (name: string): string => readFileSync(path.join(PAYLOAD_DIR, name), 'utf8');

export const payloadJson = <T = unknown>(name: string): T => JSON.parse(payloadText(name)) as T;

export const SAMPLE_DELIVERIES = [
  '01-user-session-start.json',
  '02-batch-mixed-3-events.json',
  '03-outcome-failure-user-session-start.json',
] as const;
