import type { Exchange } from '../../../shared/model/exchange';
import { decodeDelivery } from '../../../shared/okta/envelope';

const BOM = '\ufeff';

/**
 * A delivery stored as received, with its events decoded from its body: the receiver answers
 * before decoding anything, and the history decodes once as it indexes the record, and again
 * whenever it reads it back (decoding is a pure function of the body: the same every time).
 * Returns the parsed body too, so the words for search need not parse it again.
 */
export function withEvents(exchange: Exchange): { exchange: Exchange; json?: unknown } {
  const { request } = exchange;
  const text = request.decodedBody ? request.decodedBody.text : request.body.text;
  // The receiver flagged a byte-order mark already (receiver/content-decoding.ts); skip it here.
  const { okta, problems, json } = decodeDelivery(text?.startsWith(BOM) ? text.slice(1) : text);
  return {
    exchange: { ...exchange, okta, problems: [...exchange.problems, ...problems] },
    ...(json === undefined ? {} : { json }),
  };
}
