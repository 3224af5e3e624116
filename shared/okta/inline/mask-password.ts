import type { BodyData, Exchange } from '../../model/exchange';
import { isRecord } from '../json-access';
import { dig } from './request-facts';

const BULLETS = '••••••••';

/**
 * A password import call carries the user's legacy password in clear
 * (https://developer.okta.com/docs/guides/password-import-inline-hook/): hide its value in the
 * JSON text, leaving every other byte as it was.
 */
export function maskPasswordText(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const password = isRecord(parsed) ? dig(parsed, 'data', 'context', 'credential', 'password') : undefined;
  if (typeof password !== 'string' || password === '') return text;
  return text.split(JSON.stringify(password)).join(JSON.stringify(BULLETS));
}

const maskBody = (body: BodyData): BodyData =>
  body.text === undefined ? body : { ...body, text: maskPasswordText(body.text) };

/** The exchange as shown or exported without secrets: a password import's password hidden. */
export function maskImportedPassword(exchange: Exchange): Exchange {
  if (exchange.inline?.request.hook !== 'password-import') return exchange;
  const { request } = exchange;
  return {
    ...exchange,
    request: {
      ...request,
      body: maskBody(request.body),
      ...(request.decodedBody ? { decodedBody: maskBody(request.decodedBody) } : {}),
    },
  };
}
