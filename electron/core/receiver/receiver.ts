import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceiverStatus } from '../../../shared/model/status';
import { systemScheduler, type Logger } from '../deps';
import { withClientErrors } from './client-errors';
import { RECEIVER_LIMITS, serverOptions, type ReceiverLimits } from './receiver-limits';

export const RECEIVER_HOST = '127.0.0.1';

/** How long `stop` lets in-flight requests finish before cutting their connections. */
const STOP_GRACE_MS = 2_000;

/** The receiver's HTTP server on loopback; the port and path come from settings. */
export class Receiver {
  private server: Server | null = null;
  private state: ReceiverStatus = { listening: false, localUrl: null, hookUrl: null, error: null };

  constructor(
    private readonly handler: RequestListener,
    private readonly logger: Logger,
    private readonly onChange: (status: ReceiverStatus) => void,
    private readonly limits: ReceiverLimits = RECEIVER_LIMITS,
  ) {}

  status(): ReceiverStatus {
    return this.state;
  }

  /** Listen on `port` (0 = any free port). A port in use is reported in the status, not thrown. */
  async start(port: number, hookPath: string): Promise<void> {
    const guarded = withClientErrors(this.handler);
    const server = createServer(serverOptions(this.limits), guarded.listener);
    server.on('clientError', guarded.onClientError);
    // Every header that fits in maxHeaderBytes is kept: an inspector must not drop some silently.
    server.maxHeadersCount = 0;
    server.maxConnections = this.limits.maxConnections;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, RECEIVER_HOST, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      this.update({ listening: false, localUrl: null, hookUrl: null, error: listenError(error, port) });
      return;
    }
    server.on('error', (error) => this.logger.error('receiver error', { error: String(error) }));
    this.server = server;
    const { port: actual } = server.address() as AddressInfo;
    const localUrl = `http://${RECEIVER_HOST}:${actual}`;
    this.update({ listening: true, localUrl, hookUrl: `${localUrl}${hookPath}`, error: null });
  }

  /**
   * Serve `hookPath` from now on. Requests are routed by the current settings, so the server
   * keeps listening where it is: a one-run random port (port 0) stays the same.
   */
  setHookPath(hookPath: string): void {
    const { localUrl } = this.state;
    if (localUrl !== null) this.update({ ...this.state, hookUrl: `${localUrl}${hookPath}` });
  }

  /** Stop accepting, close idle keep-alive sockets, and let in-flight requests finish. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      const cancelForce = systemScheduler.after(STOP_GRACE_MS, () => server.closeAllConnections());
      server.close(() => {
        cancelForce();
        resolve();
      });
      server.closeIdleConnections();
    });
    this.update({ listening: false, localUrl: null, hookUrl: null, error: null });
  }

  private update(state: ReceiverStatus): void {
    this.state = state;
    this.onChange(state);
  }
}

function listenError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is already in use: choose another port in Settings (0 picks a free one).`;
  }
  if (code === 'EACCES') return `Not allowed to listen on port ${port}: choose a port above 1023.`;
  return `The receiver could not start: ${String(error)}`;
}
