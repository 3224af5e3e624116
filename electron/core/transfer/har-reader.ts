import type { AuthCheck, BodyData, ExchangeKind, HeaderList } from '../../../shared/model/exchange';
import { checkDraft } from '../../../shared/contract/exchange-schema';
import { exchangeIdSchema } from '../../../shared/contract/schemas';
import { decodeDelivery } from '../../../shared/okta/envelope';
import { verificationProblem } from '../../../shared/okta/verification-verdict';
import { classify } from '../receiver/classify';
import type { DraftExchange } from '../receiver/describe-request';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** HTTP/2 pseudo-headers (`:authority`, `:method` …) restate the request line; they are not headers. */
function headers(value: unknown): HeaderList {
  if (!Array.isArray(value)) return [];
  return value.flatMap((header): HeaderList =>
    isObject(header) && !text(header.name).startsWith(':') ? [[text(header.name), text(header.value)]] : [],
  );
}

function body(data: Json | undefined, declaredSize: unknown): BodyData {
  const content = data?.text;
  if (typeof content !== 'string' || content === '')
    return { text: '', size: Math.max(0, num(declaredSize, 0)), truncated: false };
  if (data?.encoding === 'base64') {
    return { base64: content, size: Buffer.from(content, 'base64').length, truncated: false };
  }
  return { text: content, size: Buffer.byteLength(content), truncated: false };
}

const KINDS: readonly string[] = ['verification', 'delivery', 'inline', 'other'];
const AUTH_RESULTS: readonly string[] = ['ok', 'missing', 'mismatch', 'not-configured'];

function authOf(entry: Json): AuthCheck {
  const auth = entry._auth;
  if (isObject(auth) && AUTH_RESULTS.includes(text(auth.result))) {
    return {
      result: text(auth.result) as AuthCheck['result'],
      header: text(auth.header) || 'Authorization',
      ...(typeof auth.message === 'string' ? { message: auth.message } : {}),
    };
  }
  return {
    result: 'not-configured',
    header: 'Authorization',
    message: 'Imported from a HAR file: the secret was not checked.',
  };
}

function splitUrl(url: string): { path: string; query: string } {
  try {
    const parsed = new URL(url);
    return { path: parsed.pathname, query: parsed.search.replace(/^\?/, '') };
  } catch {
    return { path: '/', query: '' };
  }
}

/** What the request says; its kind as the receiver would have classified it. */
function requestOf(request: Json) {
  const headerList = headers(request.headers);
  const { path, query } = splitUrl(text(request.url));
  const method = text(request.method).toUpperCase();
  return {
    route: classify(method, path, headerList, path),
    record: {
      method,
      path,
      query,
      httpVersion: text(request.httpVersion).replace(/^HTTP\//i, '') || '1.1',
      headers: headerList,
      body: body(isObject(request.postData) ? request.postData : undefined, request.bodySize),
      // HAR records the server's address, not the client's.
      remoteAddress: '',
    },
  };
}

function responseOf(response: Json) {
  return {
    status: Math.trunc(num(response.status, 0)),
    headers: headers(response.headers),
    body: body(isObject(response.content) ? response.content : undefined, response.bodySize),
  };
}

/**
 * One HAR entry as an exchange. Our own HAR says what kind each entry was and how auth went;
 * for anyone else's the kind is worked out as the receiver would, the Okta envelope decoded
 * again, and auth marked as not checked.
 */
/** The id our own HAR export gave the entry (`_exchangeId`), when it is one an exchange may have. */
export function harExchangeId(entry: unknown): string | undefined {
  const id = isObject(entry) ? entry._exchangeId : undefined;
  return exchangeIdSchema.safeParse(id).success ? (id as string) : undefined;
}

export function exchangeFromHar(entry: unknown): DraftExchange | { error: string } {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) {
    return { error: 'no request or response' };
  }
  const receivedAt = Date.parse(text(entry.startedDateTime));
  if (text(entry.request.method) === '' || text(entry.request.url) === '') {
    return { error: 'the request has no method or url' };
  }
  if (Number.isNaN(receivedAt)) return { error: 'startedDateTime is not a date' };
  const { route, record } = requestOf(entry.request);
  const response = responseOf(entry.response);
  const kind = KINDS.includes(text(entry._kind)) ? (text(entry._kind) as ExchangeKind) : route.kind;
  const auth = authOf(entry);
  const timings = isObject(entry.timings) ? entry.timings : {};
  const decoded =
    kind === 'delivery' ? decodeDelivery(record.body.text) : { okta: { events: [] }, problems: [] };
  const draft: DraftExchange = {
    kind,
    origin: 'imported',
    receivedAt,
    request: record,
    response,
    timing: { bodyMs: Math.max(0, num(timings.send, 0)), durationMs: Math.max(0, num(entry.time, 0)) },
    auth,
    okta: decoded.okta,
    problems: decoded.problems,
  };
  if (route.kind === 'verification') {
    const challenge = { challenge: route.challenge, status: response.status, bodyText: response.body.text };
    draft.verificationProblem = verificationProblem({ ...challenge, auth: auth.result });
  }
  // The schema every stored exchange satisfies: a method that is not a token, a date no
  // timeline can draw or a header with a line break stop here, before anything is written.
  const checked = checkDraft(draft);
  return 'error' in checked ? checked : checked.value;
}
