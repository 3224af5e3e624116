import { describe, expect, it } from 'vitest';
import type { ReceiverStatus } from '../../../shared/model/status';
import { createReceiverReporter, type ReceiverLine } from './receiver-report';

const listening = (port: number, path = '/okta/event-hook'): ReceiverStatus => ({
  listening: true,
  localUrl: `http://127.0.0.1:${port}`,
  hookUrl: `http://127.0.0.1:${port}${path}`,
  error: null,
});
const stopped: ReceiverStatus = { listening: false, localUrl: null, hookUrl: null, error: null };

describe('receiver report', () => {
  it('prints the hook URL at start and again each time it moves, once per URL', () => {
    const lines: ReceiverLine[] = [];
    const report = createReceiverReporter((line) => lines.push(line));
    report(listening(40001));
    report(listening(40001));
    report(stopped);
    report(listening(40002));
    report(listening(40002, '/hooks/okta'));
    expect(lines).toEqual([
      { stream: 'stdout', text: 'Receiver: http://127.0.0.1:40001/okta/event-hook' },
      { stream: 'stdout', text: 'Receiver: http://127.0.0.1:40002/okta/event-hook' },
      { stream: 'stdout', text: 'Receiver: http://127.0.0.1:40002/hooks/okta' },
    ]);
  });

  it('says on stderr why the receiver is not listening', () => {
    const lines: ReceiverLine[] = [];
    const report = createReceiverReporter((line) => lines.push(line));
    report({ ...stopped, error: 'Port 80 is already in use.' });
    expect(lines).toEqual([{ stream: 'stderr', text: 'Receiver not listening: Port 80 is already in use.' }]);
  });
});
