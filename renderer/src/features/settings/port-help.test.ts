import { describe, expect, it } from 'vitest';
import { portHelp } from './port-help';

describe('the port field’s help', () => {
  it('says which port a run on any free port got', () => {
    expect(portHelp(0, 'http://127.0.0.1:51234')).toBe(
      '0 picks any free port: this run listens on 51234. Changing it restarts the receiver.',
    );
  });

  it('says only what 0 means when a port is set, or before the receiver listens', () => {
    const plain = '0 picks any free port. Changing it restarts the receiver.';
    expect(portHelp(8787, 'http://127.0.0.1:8787')).toBe(plain);
    expect(portHelp(0, null)).toBe(plain);
  });
});
