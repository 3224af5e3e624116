import { randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** The header a probe carries; the receiver answers it without recording an exchange. */
export const PROBE_HEADER = 'x-inspector-probe';

/**
 * Proof that a public URL reaches this receiver: a probe request carries a fresh random nonce,
 * and only the receiver that issued it can echo it back. Nonces are single-use and live only
 * while a probe is in flight, so a caller from the internet cannot use the header for anything.
 */
export class ProbeResponder {
  private readonly pending = new Set<string>();

  issue(): string {
    const nonce = randomBytes(16).toString('hex');
    this.pending.add(nonce);
    return nonce;
  }

  retire(nonce: string): void {
    this.pending.delete(nonce);
  }

  /** Wrap the receiver's handler: probes are answered here, everything else passes through. */
  wrap(handler: RequestListener): RequestListener {
    return (request, response) => {
      if (!this.answer(request, response)) handler(request, response);
    };
  }

  private answer(request: IncomingMessage, response: ServerResponse): boolean {
    const nonce = request.headers[PROBE_HEADER];
    if (typeof nonce !== 'string' || !this.pending.delete(nonce)) return false;
    const body = JSON.stringify({ probe: nonce, path: request.url ?? '' });
    request.resume();
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    response.end(body);
    return true;
  }
}
