import { describe, expect, it } from 'vitest';
import { memoryVault } from '../../../test-support/engine/memory-vault';
import { NOT_RECORDED, openHeaderSealer, UNREADABLE } from './header-sealer';

const SECRET = 'Basic c2VhbGVyOnRlc3Q=';

const secrets = { authHeader: () => 'X-Hook-Auth', secret: () => SECRET };

describe('header sealer', () => {
  it('encrypts credential headers and anything carrying the secret, and nothing else', async () => {
    const sealer = await openHeaderSealer(memoryVault(), secrets);
    const headers: [string, string][] = [
      ['Authorization', 'Basic other'],
      ['x-hook-auth', 'value'],
      ['Cookie', 'a=b'],
      ['X-Okta-Secret', `Token ${SECRET}`],
      ['Content-Type', 'application/json'],
    ];
    const sealed = sealer.seal(headers);
    expect(sealed.map(([, value]) => value.startsWith('sealed:v1:'))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(JSON.stringify(sealed)).not.toContain('c2VhbGVy');
    expect(sealer.unseal(sealed)).toEqual(headers);
  });

  it('uses a fresh nonce per value, keeps its key in the vault, and rejects tampering', async () => {
    const vault = memoryVault();
    const sealer = await openHeaderSealer(vault, secrets);
    const [[, first], [, second]] = sealer.seal([
      ['Authorization', SECRET],
      ['Authorization', SECRET],
    ]) as [[string, string], [string, string]];
    expect(first).not.toBe(second);
    expect(Buffer.from(vault.values.get('captureKey') ?? '', 'base64')).toHaveLength(32);
    const again = await openHeaderSealer(vault, secrets);
    expect(again.unseal([['Authorization', first]])).toEqual([['Authorization', SECRET]]);
    const tampered = `${first.slice(0, -2)}${first.endsWith('A') ? 'B' : 'A'}A`;
    expect(again.unseal([['Authorization', tampered]])).toEqual([['Authorization', UNREADABLE]]);
  });

  it('never mints a key over one that is saved but cannot be read: credentials are then not recorded', async () => {
    const vault = memoryVault();
    const sealed = (await openHeaderSealer(vault, secrets)).seal([['Authorization', SECRET]]);
    const lost = memoryVault([{ name: 'captureKey', reason: 'secrets.json is not valid JSON' }]);
    const sealer = await openHeaderSealer(lost, secrets);
    await sealer.persist();
    expect(lost.values.has('captureKey')).toBe(false);
    expect(
      sealer.seal([
        ['Authorization', SECRET],
        ['Accept', '*/*'],
      ]),
    ).toEqual([
      ['Authorization', NOT_RECORDED],
      ['Accept', '*/*'],
    ]);
    expect(sealer.unseal(sealed)).toEqual([['Authorization', UNREADABLE]]);
    const malformed = memoryVault();
    malformed.values.set('captureKey', 'dG9vIHNob3J0');
    expect((await openHeaderSealer(malformed, secrets)).seal([['Cookie', 'a=b']])).toEqual([
      ['Cookie', NOT_RECORDED],
    ]);
    expect(malformed.values.get('captureKey')).toBe('dG9vIHNob3J0');
  });
});
