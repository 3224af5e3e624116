import type { TunnelProviderName } from '../../shared/model/tunnel';
import {
  TunnelFailure,
  type ConnectRequest,
  type TunnelProvider,
  type TunnelSession,
} from '../../electron/core/tunnel/tunnel-provider';

export class FakeSession implements TunnelSession {
  closed = false;
  private listener: ((failure: TunnelFailure) => void) | null = null;

  constructor(readonly publicUrl: string) {}

  onDrop(listener: (failure: TunnelFailure) => void): void {
    this.listener = listener;
  }

  /** The tunnel dies on its own. */
  drop(failure: TunnelFailure): void {
    this.listener?.(failure);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** One connect call, settled by the test. */
export interface FakeAttempt {
  request: ConnectRequest;
  signal: AbortSignal;
  succeed(publicUrl: string): FakeSession;
  fail(failure: TunnelFailure): void;
}

/** A provider whose attempts wait until the test succeeds or fails them. */
export class FakeTunnelProvider implements TunnelProvider {
  readonly attempts: FakeAttempt[] = [];

  constructor(
    readonly name: TunnelProviderName = 'ngrok',
    readonly timeoutMs = 5_000,
  ) {}

  sessionKey(request: ConnectRequest): string {
    return JSON.stringify([request.port, request.authtoken, request.domain, request.publicUrl]);
  }

  describeTimeout(): string {
    return 'The fake tunnel did not answer in time.';
  }

  connect(request: ConnectRequest, signal: AbortSignal): Promise<TunnelSession> {
    return new Promise((resolve, reject) => {
      this.attempts.push({
        request,
        signal,
        succeed: (publicUrl) => {
          const session = new FakeSession(publicUrl);
          resolve(session);
          return session;
        },
        fail: reject,
      });
    });
  }

  /** The most recent attempt. */
  last(): FakeAttempt {
    const attempt = this.attempts.at(-1);
    if (!attempt) throw new Error('no connect attempt was made');
    return attempt;
  }
}

export const networkDown = () => new TunnelFailure('network', 'Cannot reach the fake service.', true);
export const tokenRejected = () => new TunnelFailure('token-rejected', 'The fake token is wrong.', false);
