import type { AuthCheck, HeaderList } from '../../../shared/model/exchange';
import type { Settings } from '../../../shared/model/settings';
import type { Route } from './classify';

/** What the receiver will send, decided before the exchange is stored. */
export interface Answer {
  status: number;
  headers: HeaderList;
  body: Buffer;
}

/** Every answer states its length (none for 204), so what is recorded is what is sent. */
const answer = (status: number, headers: HeaderList, body: Buffer): Answer => ({
  status,
  headers: status === 204 ? headers : [...headers, ['Content-Length', String(body.length)]],
  body,
});

const text = (status: number, message: string, extra: HeaderList = []): Answer =>
  answer(status, [['Content-Type', 'text/plain; charset=utf-8'], ...extra], Buffer.from(`${message}\n`));

export const storageFailureAnswer = (): Answer =>
  // 503 makes Okta retry once (reference §4.1) instead of losing events we could not keep.
  text(503, 'The inspector could not store this request; try again.', [['Retry-After', '1']]);

/** No `Connection: close`: closing with the body still arriving would reset the connection. */
export const tooLargeAnswer = (limit: number): Answer =>
  text(413, `Request body is larger than the inspector's limit of ${limit} bytes.`);

/** Answers per reference §1 (verification) and §2.5 (deliveries: empty 200/204). */
export function decideAnswer(route: Route, auth: AuthCheck, settings: Settings): Answer {
  if (route.kind === 'other') {
    const allow: HeaderList = route.status === 405 ? [['Allow', 'GET, POST']] : [];
    return text(route.status, route.problem.message, allow);
  }
  if (auth.result === 'missing' || auth.result === 'mismatch') {
    return text(401, 'Unauthorized: the shared secret is missing or wrong.');
  }
  if (route.kind === 'verification') {
    const body = Buffer.from(JSON.stringify({ verification: route.challenge }));
    return answer(200, [['Content-Type', 'application/json']], body);
  }
  return answer(settings.successStatus, [], Buffer.alloc(0));
}
