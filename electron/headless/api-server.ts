import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import type { ErrorCode, Result } from '../../shared/model/result';
import { checkSameOrigin, checkToken, type Refusal } from './request-guard';
import { SECURITY_HEADERS, serveStatic } from './static-files';
import { streamEvents } from './event-stream';
import type { FileTransfers } from '../core/transfer/file-transfers';
import { downloadTicket, receiveUpload, sendDownload } from './transfer-routes';
import { CommandError } from '../core/rpc/command-error';
import { STATUS_OF } from './http-status';

export const API_HOST = '127.0.0.1';
/** Commands carry JSON inputs (at most a selection of ids); anything bigger is a mistake or an attack. */
export const MAX_COMMAND_BYTES = 8 * 1024 * 1024;

export interface ApiServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The headless transport: the built UI at `/`, every contract command at `POST /api/<name>`
 * and pushes as Server-Sent Events at `GET /api/events`. Loopback only, no CORS, and every
 * API call needs the bearer token.
 */
export async function startApiServer(options: {
  core: Core;
  transfers: FileTransfers;
  token: string;
  port: number;
  rendererDir: string;
}): Promise<ApiServer> {
  let port = options.port;
  const server: Server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const sameOrigin = checkSameOrigin(request.headers, port);
    if (!sameOrigin.ok) return refuse(response, sameOrigin);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, notAllowed);
      const ticket = downloadTicket(url.pathname);
      if (ticket !== undefined) return sendDownload(options.transfers, ticket, response);
      return serveStatic(options.rendererDir, url.pathname, response);
    }
    const authorized = checkToken(request.headers, options.token);
    if (!authorized.ok) return refuse(response, authorized);
    if (url.pathname === '/api/events' && request.method === 'GET') {
      return streamEvents(options.core, request, response);
    }
    if (url.pathname === '/api/uploads' && request.method === 'POST') {
      return sendResult(response, await receiveUpload(options.transfers, request).catch(failure));
    }
    if (request.method !== 'POST') return refuse(response, notAllowed);
    return runCommand(options.core, url.pathname.slice('/api/'.length), request, response);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, API_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const notAllowed: Refusal = { ok: false, status: 405, message: 'Method not allowed here.' };

function refuse(response: ServerResponse, refusal: Refusal) {
  const code: ErrorCode = refusal.status === 401 ? 'unauthorized' : 'forbidden';
  sendJson(response, refusal.status, { ok: false, error: { code, message: refusal.message } });
}

async function runCommand(core: Core, name: string, request: IncomingMessage, response: ServerResponse) {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendResult(response, {
      ok: false,
      error: { code: 'invalid-input', message: 'Send the command input as application/json.' },
    });
  }
  const input = await readJson(request);
  if (!input.ok) return sendResult(response, input);
  return sendResult(response, await core.dispatch(decodedName(name), input.value));
}

/** A malformed %-escape names no command (the dispatcher says so) rather than failing with 500. */
function decodedName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

async function readJson(request: IncomingMessage): Promise<Result<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_COMMAND_BYTES) {
      return { ok: false, error: { code: 'invalid-input', message: 'Command input is too large.' } };
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } };
  }
}

const failure = (error: unknown): Result<never> =>
  error instanceof CommandError
    ? { ok: false, error: { code: error.code, message: error.message } }
    : { ok: false, error: { code: 'internal', message: `Upload failed: ${String(error)}` } };

function sendResult(response: ServerResponse, result: Result<unknown>) {
  sendJson(response, result.ok ? 200 : STATUS_OF[result.error.code], result);
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  const data = Buffer.from(JSON.stringify(body));
  response.writeHead(status, [
    ...SECURITY_HEADERS,
    ['Content-Type', 'application/json'],
    ['Content-Length', String(data.length)],
    ['Cache-Control', 'no-store'],
  ]);
  response.end(data);
}
