import { describe, expect, it } from 'vitest';
import type { TunnelStatus } from '../../shared/model/tunnel';
import { createTunnelReporter, type ReportLine } from './tunnel-report';

const online: TunnelStatus = {
  state: 'online',
  provider: 'ngrok',
  publicUrl: 'https://a.ngrok.app',
  hookUrl: 'https://a.ngrok.app/okta/event-hook',
  forwardsTo: 'http://127.0.0.1:8787',
  onlineSince: 0,
};

describe('tunnel report', () => {
  it('prints the live hook URL on stdout once, and problems on stderr', () => {
    const lines: ReportLine[] = [];
    const report = createTunnelReporter(
      (line) => lines.push(line),
      () => 10_000,
    );
    report({ state: 'off', provider: 'ngrok' });
    report({ state: 'starting', provider: 'ngrok', since: 0 });
    report(online);
    report(online);
    report({
      state: 'reconnecting',
      provider: 'ngrok',
      attempt: 2,
      retryAt: 12_000,
      reason: 'Cannot reach ngrok.',
    });
    report({
      state: 'error',
      provider: 'ngrok',
      code: 'token-rejected',
      message: 'ngrok rejected the authtoken.',
      at: 0,
    });
    report({ ...online, hookUrl: 'https://a.ngrok.app/hooks/okta' });
    expect(lines).toEqual([
      { stream: 'stderr', text: 'Tunnel: starting (ngrok)…' },
      { stream: 'stdout', text: 'Public: https://a.ngrok.app/okta/event-hook' },
      { stream: 'stderr', text: 'Tunnel: reconnecting (attempt 2, in 2 s): Cannot reach ngrok.' },
      { stream: 'stderr', text: 'Tunnel: ngrok rejected the authtoken.' },
      { stream: 'stdout', text: 'Public: https://a.ngrok.app/hooks/okta' },
    ]);
  });
});
