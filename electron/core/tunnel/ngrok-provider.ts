import { SessionBuilder } from '@ngrok/ngrok';
import type { AgentConnect } from './agent-protocol';
import { classifyNgrokError } from './ngrok-errors';
import { TunnelFailure } from './tunnel-provider';

/** How often ngrok checks the session is alive, and how long a missing answer is tolerated (s). */
const HEARTBEAT_INTERVAL_S = 10;
const HEARTBEAT_TOLERANCE_S = 15;

export interface OpenNgrok {
  url: string;
  close(): Promise<void>;
}

/**
 * The ngrok SDK half of the ngrok provider: the only code that touches `@ngrok/ngrok`. It runs
 * inside the agent process (ngrok-agent.ts), never in the engine, because a connect to a server
 * that accepts and stays silent never settles and blocks every later connect in the same process.
 * Killing the process is the only cancel there is.
 */
export async function openNgrokTunnel(
  request: AgentConnect,
  onDrop: (failure: TunnelFailure) => void,
): Promise<OpenNgrok> {
  const fail = (error: unknown) => classifyNgrokError(error, request.domain, request.authtoken);
  const builder = new SessionBuilder()
    .authtoken(request.authtoken)
    .clientInfo('okta-hook-inspector', request.clientVersion)
    .heartbeatInterval(HEARTBEAT_INTERVAL_S)
    .heartbeatTolerance(HEARTBEAT_TOLERANCE_S)
    // The engine reconnects itself, with backoff it can show; the SDK's silent retry would hide
    // that the URL is down. Declining makes the session fail, and the engine sees the drop.
    .handleDisconnection((_addr, error) => {
      onDrop(fail(error));
      return false;
    });
  if (request.serverAddr !== null) builder.serverAddr(request.serverAddr);
  let session;
  try {
    session = await builder.connect();
  } catch (error) {
    throw fail(error);
  }
  try {
    const endpoint = session.httpEndpoint();
    if (request.domain !== null) endpoint.domain(request.domain);
    // Forward to the receiver's port and nothing else: never to the headless UI or its API.
    const listener = await endpoint.listenAndForward(`http://127.0.0.1:${request.port}`);
    const url = listener.url();
    if (!url) throw new TunnelFailure('failed', 'ngrok opened the tunnel without a URL.', true);
    return { url, close: () => session.close() };
  } catch (error) {
    await session.close().catch(() => undefined);
    throw fail(error);
  }
}
