import type { IncomingMessage } from 'node:http';
import type { AuthCheck, HeaderList } from '../../../shared/model/exchange';
import type { Settings } from '../../../shared/model/settings';
import { checkAuth, failedAuth } from './auth-check';
import { headerPairs, remoteAddressOf, splitTarget } from './headers-and-target';
import { classify, type Route } from './classify';
import { inlineRoute } from './inline-route';
import type { OwnRequestTags, TagInfo } from './own-request-tags';

/** What the request line and headers say, known before a byte of the body is read. */
export interface RequestHead {
  method: string;
  path: string;
  query: string;
  httpVersion: string;
  remoteAddress: string;
  /** As sent, minus the tag of the engine's own requests. */
  headers: HeaderList;
  route: Route;
  auth: AuthCheck;
  /** Passed the secret check, or no secret is set: its body may use the whole budget and is decoded. */
  trusted: boolean;
  /** Set when the engine sent this request to itself (a sample or a replay). */
  tag?: { token: string; info: TagInfo };
}

export interface HeadContext {
  settings: Settings;
  /** Where inline hooks are called (`<base>/<hook>`). */
  inlineBasePath: string;
  secret: string | null;
  tags: OwnRequestTags;
}

/**
 * Classify the request and check the secret from its head alone, so that the body of a request
 * that fails the check is never buffered past what a record of it keeps.
 */
export function readHead(request: IncomingMessage, context: HeadContext): RequestHead {
  const { settings } = context;
  const sent = headerPairs(request.rawHeaders);
  const claimed = context.tags.claim(sent);
  const headers = claimed?.headers ?? sent;
  const method = request.method ?? 'GET';
  const { path, query } = splitTarget(request.url);
  const auth = checkAuth(headers, settings, context.secret);
  return {
    method,
    path,
    query,
    httpVersion: request.httpVersion,
    remoteAddress: remoteAddressOf(request),
    headers,
    route:
      inlineRoute(method, path, { basePath: context.inlineBasePath, hookPath: settings.hookPath }) ??
      classify(method, path, headers, settings.hookPath),
    auth,
    trusted: !failedAuth(auth.result),
    ...(claimed ? { tag: { token: claimed.token, info: claimed.info } } : {}),
  };
}
