import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../../shared/model/result';
import type { FileTransfers } from '../core/transfer/file-transfers';
import { SECURITY_HEADERS } from './static-files';

/** Larger than any store we keep (1 GiB by default), with room for a HAR of it. */
const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

const DOWNLOAD_PATH = /^\/downloads\/([A-Za-z0-9_-]{16,64})\/[^/]+$/;

const TYPES: Record<string, string> = { har: 'application/json', ndjson: 'application/x-ndjson' };

/**
 * `POST /api/uploads`: the browser sends a file to import as the raw body (name in
 * `X-File-Name`) and gets the id `exchanges.import` takes. Token checked by the caller.
 */
export async function receiveUpload(
  transfers: FileTransfers,
  request: IncomingMessage,
): Promise<Result<{ upload: string }>> {
  const name = fileName(request.headers['x-file-name']);
  if (name === null) {
    const message = 'X-File-Name is not a valid percent-encoded file name (encodeURIComponent of the name).';
    return { ok: false, error: { code: 'invalid-input', message } };
  }
  const upload = await transfers.saveUpload(request, name, MAX_UPLOAD_BYTES);
  return { ok: true, value: { upload } };
}

/** The uploaded file's name as the browser encoded it; null when the encoding is malformed. */
function fileName(header: string | string[] | undefined): string | null {
  try {
    return decodeURIComponent(String(header ?? 'upload'));
  } catch {
    return null;
  }
}

/** Whether this is a download URL (`/downloads/<ticket>/<name>`); its ticket is its credential. */
export const downloadTicket = (pathname: string): string | undefined => DOWNLOAD_PATH.exec(pathname)?.[1];

/**
 * Send a finished export once, as an attachment, then remove it. The URL is unguessable and
 * served only to our own origin (the Host check runs first), so a page elsewhere cannot use it.
 */
export async function sendDownload(
  transfers: FileTransfers,
  ticket: string,
  response: ServerResponse,
): Promise<void> {
  const file = transfers.takeDownload(ticket);
  const size = file
    ? await stat(file.path).then(
        (s) => s.size,
        () => null,
      )
    : null;
  if (!file || size === null) {
    response.writeHead(404, [...SECURITY_HEADERS, ['Content-Type', 'text/plain']]).end('No such download.\n');
    return;
  }
  response.writeHead(200, [
    ...SECURITY_HEADERS,
    ['Content-Type', TYPES[file.name.split('.').pop() ?? ''] ?? 'application/octet-stream'],
    ['Content-Length', String(size)],
    ['Content-Disposition', `attachment; filename="${file.name}"`],
    ['Cache-Control', 'no-store'],
  ]);
  try {
    await pipeline(createReadStream(file.path), response);
  } finally {
    await rm(file.path, { force: true });
  }
}
