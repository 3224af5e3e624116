import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const SECURITY_HEADERS: [string, string][] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/**
 * Vite names each file under assets/ by a hash of its content, so a browser may keep it for
 * good: the UI opened again reads its scripts from the cache, with the code V8 compiled for them.
 * index.html names the current files and is asked for each time.
 */
const cacheControl = (root: string, file: string) =>
  path.relative(root, file).startsWith(`assets${path.sep}`)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';

/** Serve the built renderer; paths are confined to its folder. */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse) {
  const file = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  if (file === null) {
    response.writeHead(404, SECURITY_HEADERS).end();
    return;
  }
  try {
    const data = await fs.readFile(file);
    response.writeHead(200, [
      ...SECURITY_HEADERS,
      ['Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream'],
      ['Cache-Control', cacheControl(root, file)],
    ]);
    response.end(data);
  } catch {
    response.writeHead(404, [...SECURITY_HEADERS, ['Content-Type', 'text/plain']]).end('Not found\n');
  }
}

/** The file a URL path names inside `root`, or null when it would be outside (or undecodable). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}
