import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { APP_SCHEME, appUrlToRelativePath } from './app-protocol';

/**
 * Must run before the app is ready: app:// behaves like https (secure, standard, fetch), and V8
 * keeps the code it compiled for the UI's scripts, so later launches do not compile them again
 * (`codeCache`: https://www.electronjs.org/docs/latest/api/structures/custom-scheme).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serve the built renderer on app://, with the same CSP the headless server sends. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = appUrlToRelativePath(request.url);
    if (relative === null) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(path.join(rendererDir, relative)).toString());
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: file.status, headers });
  });
}
