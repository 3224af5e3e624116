import { describe, expect, it } from 'vitest';
import { OKTA_TIMEOUT_MS } from '../../../shared/okta/headers';
import { startTestCore } from '../../../test-support/engine/core-fixture';
import {
  keepAliveCrowd,
  openFileLimit,
  percentile,
  roundTrip,
  slowlorisCrowd,
  timedDeliveries,
} from '../../../test-support/engine/load-crowd';
import { payloadText } from '../../../test-support/engine/payloads';
import { head } from '../../../test-support/engine/raw-socket';

const SECRET = 'Basic bG9hZDp0ZXN0';
const BODY = payloadText('01-user-session-start.json');

/**
 * `npm test` runs the moderate profile; `npm run test:load` the heavy one (LOAD_PROFILE=heavy),
 * which also outlasts the headers timeout so the slow crowd is evicted while deliveries flow.
 */
const PROFILES = {
  moderate: { keepAlive: 1_000, slowloris: 200, deliveries: 200, concurrency: 10, holdMs: 0 },
  heavy: { keepAlive: 5_000, slowloris: 1_000, deliveries: 2_000, concurrency: 50, holdMs: 12_000 },
};
const profile = PROFILES[process.env.LOAD_PROFILE === 'heavy' ? 'heavy' : 'moderate'];
/** Client and server ends both live in this process: two descriptors per connection, plus slack. */
const needed = 2 * (profile.keepAlive + profile.slowloris + profile.concurrency) + 200;

describe('under load', () => {
  it(`answers deliveries in time while ${profile.keepAlive} keep-alive connections and ${profile.slowloris} slowloris clients are held`, async () => {
    expect(
      openFileLimit(),
      `raise the open-file limit (ulimit -n) to at least ${needed}`,
    ).toBeGreaterThanOrEqual(needed);
    const t = await startTestCore({ overrides: { secret: SECRET } });
    const url = new URL(t.hookUrl);
    const target = { port: Number(url.port), path: url.pathname, secret: SECRET, body: BODY };
    try {
      const held = await keepAliveCrowd(target, profile.keepAlive);
      expect(held.statuses.every((s) => s === 204)).toBe(true);
      const slow = await slowlorisCrowd(target.port, profile.slowloris, 1_000);

      const results = await timedDeliveries(t.hookUrl, BODY, SECRET, profile.deliveries, profile.concurrency);
      if (profile.holdMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, profile.holdMs));
        results.push(
          ...(await timedDeliveries(t.hookUrl, BODY, SECRET, profile.deliveries, profile.concurrency)),
        );
        expect(slow.closed()).toBe(profile.slowloris);
      }
      slow.stop();
      const latencies = results.map((r) => r.ms);
      console.log(
        `load (${process.env.LOAD_PROFILE ?? 'moderate'}): ${held.sockets.length} keep-alive + ${profile.slowloris} slowloris held; ${results.length} deliveries, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
      );
      expect(results.every((r) => r.status === 204)).toBe(true);
      expect(percentile(latencies, 99)).toBeLessThan(OKTA_TIMEOUT_MS / 3);
      expect(Math.max(...latencies)).toBeLessThan(OKTA_TIMEOUT_MS);

      // The held connections were kept, not dropped: each still answers its next delivery.
      const again = await Promise.all(
        held.sockets.map((s) =>
          roundTrip(
            s,
            head(`POST ${target.path} HTTP/1.1`, [
              ['Host', url.host],
              ['Authorization', SECRET],
              ['Content-Length', '2'],
            ]) + '{}',
          ),
        ),
      );
      expect(again.every((s) => s === 204)).toBe(true);
      for (const socket of held.sockets) socket.destroy();
    } finally {
      await t.stop();
    }
  }, 120_000);
});
