import { nodeTransport } from '../../electron/core/http/http-transport';

/**
 * Run in a child process (NODE_EXTRA_CA_CERTS is read when Node starts): one GET through the
 * engine's Node transport with this process's environment, the outcome printed as JSON.
 */
async function probe(url: string, authorization: string): Promise<void> {
  const send = nodeTransport(process.env, () => performance.now());
  const headers: [string, string][] = [['Authorization', authorization]];
  const result = await send({
    url: new URL(url),
    method: 'GET',
    headers,
    body: null,
    timeoutMs: 10_000,
    bodyLimit: 1 << 20,
  });
  const outcome = result.ok
    ? { ok: true, status: result.status }
    : { ok: false, cause: result.cause, code: result.code, message: result.message };
  process.stdout.write(JSON.stringify(outcome));
}

void probe(process.argv[2] ?? '', process.argv[3] ?? '');
