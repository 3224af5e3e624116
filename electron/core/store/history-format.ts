import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../settings/atomic-file';
import { makePrivateDir } from './private-dir';
import { isUnwritable } from './records/record-scan';

/**
 * The history format this build writes. 1: the 0.1.0 capture log (`exchanges/*.ndjson`, read
 * only to migrate it); 2: records and an index in `history/` (docs/storage.md).
 */
export const HISTORY_FORMAT = 2;

const FILE = 'format.json';

/** A data folder written by a newer version: it is never opened, so it is never rewritten. */
export class NewerFormatError extends Error {
  constructor(
    readonly format: number,
    readonly writtenBy: string | undefined,
  ) {
    super(
      `This data folder's history was written by a newer Okta Hook Inspector (${writtenBy ?? 'unknown version'}, history format ${format}); this version reads format ${HISTORY_FORMAT} and older. Use that version or a newer one, or start this one with another data folder.`,
    );
  }
}

/**
 * Refuse a history of a newer format; mark a new one with this build's. A marker that cannot be
 * read is treated as absent: the index and records decide what the folder holds.
 */
export async function checkFormat(root: string, version: string): Promise<void> {
  const file = path.join(root, FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  const marker = text === null ? null : parseMarker(text);
  if (marker !== null && marker.format > HISTORY_FORMAT)
    throw new NewerFormatError(marker.format, marker.writtenBy);
  if (marker?.format === HISTORY_FORMAT) return;
  const marked = `${JSON.stringify({ format: HISTORY_FORMAT, writtenBy: version })}\n`;
  try {
    await makePrivateDir(root);
    await writeAtomically(file, marked, 0o600);
  } catch (error) {
    // A folder that cannot be written is opened read-only; it is marked when next opened.
    if (!isUnwritable(error)) throw error;
  }
}

function parseMarker(text: string): { format: number; writtenBy?: string } | null {
  try {
    const value = JSON.parse(text) as { format?: unknown; writtenBy?: unknown };
    if (typeof value.format !== 'number' || !Number.isInteger(value.format)) return null;
    return typeof value.writtenBy === 'string'
      ? { format: value.format, writtenBy: value.writtenBy }
      : { format: value.format };
  } catch {
    return null;
  }
}
