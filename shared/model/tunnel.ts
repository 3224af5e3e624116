/** Where the public URL comes from: ngrok, a tunnel the user runs (cloudflared …), or nowhere. */
export type TunnelProviderName = 'ngrok' | 'manual' | 'none';

/** Why a tunnel is not online; the UI may offer an action per code (e.g. open Settings). */
export type TunnelErrorCode =
  | 'no-authtoken'
  | 'token-rejected'
  | 'network'
  | 'domain-not-allowed'
  | 'domain-in-use'
  | 'session-limit'
  | 'receiver-down'
  | 'no-public-url'
  | 'unreachable'
  | 'timeout'
  | 'local-only'
  | 'failed';

interface TunnelBase {
  /** The provider this state is about (the configured one when off). */
  provider: TunnelProviderName;
}

export interface TunnelOff extends TunnelBase {
  state: 'off';
}

export interface TunnelStarting extends TunnelBase {
  state: 'starting';
  /** Epoch ms when the attempt began. */
  since: number;
}

/** The only state with a URL: it is shown while, and only while, it is live. */
export interface TunnelOnline extends TunnelBase {
  state: 'online';
  /** e.g. `https://abc.ngrok-free.app`, no trailing slash. */
  publicUrl: string;
  /** Public URL plus the hook path: what to paste into Okta. */
  hookUrl: string;
  /** Where the tunnel delivers: the receiver, `http://127.0.0.1:<port>`. */
  forwardsTo: string;
  /** Epoch ms. */
  onlineSince: number;
}

export interface TunnelReconnecting extends TunnelBase {
  state: 'reconnecting';
  /** 1 for the first retry after a drop. */
  attempt: number;
  /** Epoch ms when this attempt starts (in the past while it is under way). */
  retryAt: number;
  /** One sentence: why the last connection or attempt failed. */
  reason: string;
}

export interface TunnelError extends TunnelBase {
  state: 'error';
  code: TunnelErrorCode;
  /** One actionable sentence. */
  message: string;
  /** Epoch ms. */
  at: number;
}

export type TunnelStatus = TunnelOff | TunnelStarting | TunnelOnline | TunnelReconnecting | TunnelError;
