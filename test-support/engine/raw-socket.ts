import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawOutcome {
  /** Final (non-1xx) responses, in order. */
  responses: RawResponse[];
  /** Every status line seen, interim 100 Continue included. */
  statuses: number[];
  /** The server closed (or reset) the connection before the wait ended. */
  closed: boolean;
  text: string;
}

export interface RawOptions {
  /** Resolve once this many final responses are complete (default: wait for close). */
  responses?: number;
  /** Half-close our side after the last write, as a client that has nothing more to send. */
  halfClose?: boolean;
  /** Give up waiting after this long; the outcome says what had arrived. */
  timeoutMs?: number;
}

/** A connection to `port` on loopback for byte-exact requests that node:http cannot express. */
export function openRaw(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Collect what the server sends on `socket` until `options` are met; then destroy it. */
export function collect(socket: Socket, options: RawOptions = {}): Promise<RawOutcome> {
  return new Promise((resolve) => {
    let data = Buffer.alloc(0);
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.destroy();
      resolve({ ...parseResponses(data.toString('latin1')), closed });
    };
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const wanted = options.responses;
      if (wanted !== undefined && parseResponses(data.toString('latin1')).responses.length >= wanted) {
        done(false);
      }
    };
    const timer = setTimeout(() => done(false), options.timeoutMs ?? 5_000);
    socket.on('data', onData);
    socket.resume();
    socket.once('close', () => done(true));
    socket.on('error', () => undefined);
  });
}

/** Open a connection, write `parts` in order (strings as latin1 bytes) and collect the answer. */
export async function rawRequest(
  port: number,
  parts: (string | Buffer)[],
  options: RawOptions = {},
): Promise<RawOutcome> {
  const socket = await openRaw(port);
  const outcome = collect(socket, options);
  for (const part of parts) socket.write(typeof part === 'string' ? Buffer.from(part, 'latin1') : part);
  if (options.halfClose) socket.end();
  return outcome;
}

/** Parse complete HTTP/1.x responses; a response without a length ends at the close. */
export function parseResponses(text: string): Omit<RawOutcome, 'closed'> {
  const responses: RawResponse[] = [];
  const statuses: number[] = [];
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) break;
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    if (!Number.isFinite(status)) break;
    statuses.push(status);
    const headers = Object.fromEntries(
      lines.map((line) => [
        line.slice(0, line.indexOf(':')).toLowerCase(),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
    );
    const length = Number(headers['content-length'] ?? (status === 204 || status < 200 ? 0 : NaN));
    const bodyStart = end + 4;
    const bodyEnd = Number.isFinite(length) ? bodyStart + length : rest.length;
    if (bodyEnd > rest.length) break;
    if (status >= 200) responses.push({ status, headers, body: rest.slice(bodyStart, bodyEnd) });
    rest = rest.slice(bodyEnd);
  }
  return { responses, statuses, text };
}

/** A request head with exact header lines; `\r\n` endings, nothing added. */
export const head = (requestLine: string, headers: [string, string][]): string =>
  `${requestLine}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
