import type { TunnelErrorCode } from '../../../shared/model/tunnel';

/**
 * Messages between the engine and the ngrok agent process (Node IPC, JSON). The authtoken
 * travels here rather than in argv or the environment, where other local users could read it.
 */
export interface AgentConnect {
  type: 'connect';
  port: number;
  authtoken: string;
  domain: string | null;
  /** Another ngrok ingress: a custom agent ingress, or a loopback listener in tests. */
  serverAddr: string | null;
  clientVersion: string;
}

export interface AgentClose {
  type: 'close';
}

export type ToAgent = AgentConnect | AgentClose;

export interface WireFailure {
  code: TunnelErrorCode;
  message: string;
  retryable: boolean;
}

export type FromAgent =
  | { type: 'online'; url: string }
  | { type: 'failed'; failure: WireFailure }
  | { type: 'dropped'; failure: WireFailure };

export const isFromAgent = (message: unknown): message is FromAgent =>
  typeof message === 'object' &&
  message !== null &&
  ['online', 'failed', 'dropped'].includes((message as { type?: unknown }).type as string);

export const isToAgent = (message: unknown): message is ToAgent =>
  typeof message === 'object' &&
  message !== null &&
  ['connect', 'close'].includes((message as { type?: unknown }).type as string);
