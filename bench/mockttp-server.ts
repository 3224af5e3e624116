import { getLocal, type CompletedRequest } from 'mockttp';

/**
 * The peer: mockttp, the engine of HTTP Toolkit, answering deliveries 204 with one subscriber
 * that keeps every request in memory, as HTTP Toolkit's UI does (it holds the traffic it shows,
 * bodies included). Run as its own process, like the engine and the bare server.
 */
const server = getLocal();
const seen: CompletedRequest[] = [];
await server.start();
await server.forPost('/okta/event-hook').thenReply(204);
await server.on('request', (request) => {
  // Reading the body is what a viewer of the request does; mockttp decodes it lazily.
  void request.body.getText().then(() => seen.push(request));
});
// The load generator and the other servers use the IPv4 loopback address.
process.stdout.write(`Receiver: ${server.urlFor('/okta/event-hook').replace('localhost', '127.0.0.1')}\n`);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
