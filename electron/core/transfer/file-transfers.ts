import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import path from 'node:path';
import type { ExportTarget, ImportSource, TransferHost } from '../deps';
import { CommandError } from '../rpc/command-error';

/** A file waiting in the transfers folder. */
export interface StagedFile {
  path: string;
  name: string;
}

const newTicket = () => randomBytes(18).toString('base64url');

/** Keep only characters safe in a file name and a Content-Disposition header. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'file';

/**
 * Files in and out through a folder (headless mode, and tests): an import reads a file the
 * browser uploaded; an export is written here and downloaded once from an unguessable URL,
 * then removed. Each engine has its own temporary folder, removed when it stops.
 */
export class FileTransfers implements TransferHost {
  private readonly uploads = new Map<string, StagedFile>();
  private readonly downloads = new Map<string, StagedFile>();

  private constructor(private readonly dir: string) {}

  static async create(parent = tmpdir()): Promise<FileTransfers> {
    return new FileTransfers(await mkdtemp(path.join(parent, 'ohi-transfers-')));
  }

  /** Store an upload (at most `maxBytes`) and return the id `exchanges.import` takes. */
  async saveUpload(body: Readable, name: string, maxBytes: number): Promise<string> {
    const id = newTicket();
    const file = { path: path.join(this.dir, `upload-${id}`), name: safeName(name) };
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(
          size > maxBytes ? new CommandError('invalid-input', `The file is over ${maxBytes} bytes.`) : null,
          chunk,
        );
      },
    });
    try {
      await pipeline(body, limit, createWriteStream(file.path));
    } catch (error) {
      await rm(file.path, { force: true });
      throw error;
    }
    this.uploads.set(id, file);
    return id;
  }

  exportTarget(suggestedName: string): Promise<ExportTarget> {
    const ticket = newTicket();
    const file = { path: path.join(this.dir, `export-${ticket}`), name: safeName(suggestedName) };
    this.downloads.set(ticket, file);
    return Promise.resolve({
      path: file.path,
      downloadUrl: `/downloads/${ticket}/${encodeURIComponent(file.name)}`,
    });
  }

  importSource(upload: string | undefined): Promise<ImportSource> {
    if (upload === undefined) {
      const message = 'Upload the file first (POST /api/uploads), then pass its id as upload.';
      return Promise.reject(new CommandError('invalid-input', message));
    }
    const file = this.uploads.get(upload);
    if (!file) {
      const message = `No upload ${upload}: it was imported already, or the engine restarted.`;
      return Promise.reject(new CommandError('not-found', message));
    }
    this.uploads.delete(upload);
    return Promise.resolve({ ...file, temporary: true });
  }

  /** The export behind a download ticket, which is used up: the caller sends it, then removes it. */
  takeDownload(ticket: string): StagedFile | undefined {
    const file = this.downloads.get(ticket);
    this.downloads.delete(ticket);
    return file;
  }

  close(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}
