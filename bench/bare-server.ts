import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The baseline: a node:http server that reads the body and answers an empty 204, nothing else.
 * Run as its own process, like the engine, so both are measured the same way.
 */
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(204).end());
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `Receiver: http://127.0.0.1:${(server.address() as AddressInfo).port}/okta/event-hook\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
