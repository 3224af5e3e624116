import type { TunnelErrorCode, TunnelProviderName } from '../../../shared/model/tunnel';

/** Everything a provider may need to open a tunnel; each one reads the fields it uses. */
export interface ConnectRequest {
  /** The receiver's port on 127.0.0.1: the only place a tunnel may deliver to. */
  port: number;
  hookPath: string;
  /** ngrok only. */
  authtoken: string | null;
  /** ngrok only: a reserved domain, or null for a random URL. */
  domain: string | null;
  /** manual only: the base URL of the user's own tunnel. */
  publicUrl: string | null;
}

/** An open tunnel. */
export interface TunnelSession {
  /** Base URL without a trailing slash, e.g. `https://abc.ngrok-free.app`. */
  publicUrl: string;
  /** Called at most once, when the tunnel stops working without being asked to. */
  onDrop(listener: (failure: TunnelFailure) => void): void;
  /** Close it; resolves once it is gone (providers bound this themselves). */
  close(): Promise<void>;
}

export interface TunnelProvider {
  readonly name: TunnelProviderName;
  /** The bound on one connect attempt; the controller cancels the attempt after it. */
  readonly timeoutMs: number;
  /**
   * The parts of a request that need a new session when they change (a new hook path does not
   * move an ngrok tunnel, but a manual one must be checked again).
   */
  sessionKey(request: ConnectRequest): string;
  /** One actionable sentence for an attempt that hit `timeoutMs`. */
  describeTimeout(request: ConnectRequest): string;
  /** Open a tunnel, or reject with a `TunnelFailure`. An abort must release everything at once. */
  connect(request: ConnectRequest, signal: AbortSignal): Promise<TunnelSession>;
}

/** An expected way for a tunnel to fail: the code, one actionable sentence, and whether to retry. */
export class TunnelFailure extends Error {
  constructor(
    readonly code: TunnelErrorCode,
    message: string,
    /** Worth retrying after a drop (network trouble), as opposed to needing the user (bad token). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TunnelFailure';
  }

  /** Anything a provider threw, as a failure; unknown errors are retried. */
  static from(error: unknown, context: string): TunnelFailure {
    if (error instanceof TunnelFailure) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new TunnelFailure('failed', `${context}: ${detail}`, true);
  }
}
