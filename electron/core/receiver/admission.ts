import type { RequestListener } from 'node:http';
import type { Logger } from '../deps';

/**
 * Admission control for request bodies. Each body is buffered (up to the body limit) until it
 * is stored, so a flood of large bodies could take all memory. Each request reserves what it
 * may buffer (its Content-Length, or the whole limit when chunked) before it is read; when the
 * reservations would pass `budget`, it is answered 503 with Retry-After at once (Okta retries a
 * 5xx, reference §4.1) and its body is discarded unread. Not recorded: recording it would cost
 * the memory the refusal protects. The reservation is released when the answer has gone out.
 */
export function withBodyBudget(
  handler: RequestListener,
  options: { budget: () => number; bodyLimit: () => number; logger: Logger },
): RequestListener {
  let reserved = 0;
  return (request, response) => {
    const limit = options.bodyLimit();
    const declared = Number(request.headers['content-length'] ?? NaN);
    // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3).
    const chunked = request.headers['transfer-encoding'] !== undefined;
    const wanted = Number.isFinite(declared) ? Math.min(declared, limit) : chunked ? limit : 0;
    if (wanted > 0 && reserved + wanted > Math.max(options.budget(), limit)) {
      options.logger.warn('request refused: too many bodies in flight', { reserved, wanted });
      const text = Buffer.from('The inspector is busy; try again.\n');
      response.writeHead(503, [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Length', String(text.length)],
        ['Retry-After', '1'],
      ]);
      response.end(text);
      return;
    }
    reserved += wanted;
    response.once('close', () => (reserved -= wanted));
    handler(request, response);
  };
}
