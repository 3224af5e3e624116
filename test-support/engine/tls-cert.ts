import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isIP } from 'node:net';

/** A throwaway self-signed certificate: its own CA, so a client trusts it by listing it as one. */
export interface TestCertificate {
  /** PEM: give it to a client as its CA (`ca` option or NODE_EXTRA_CA_CERTS). */
  cert: string;
  /** PEM (PKCS#8) private key, for the TLS server. */
  key: string;
}

/** DER: a tag, its length (short or long form) and the content. */
const der = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  if (body.length < 0x80) return Buffer.concat([Buffer.from([tag, body.length]), body]);
  const length = Buffer.from(body.length.toString(16).padStart(body.length > 0xff ? 4 : 2, '0'), 'hex');
  return Buffer.concat([Buffer.from([tag, 0x80 | length.length]), length, body]);
};
const sequence = (...parts: Buffer[]) => der(0x30, ...parts);

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) groups.unshift((value & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return der(0x06, Buffer.from(bytes));
}

const time = (date: Date) =>
  der(
    0x17,
    Buffer.from(
      date
        .toISOString()
        .replace(/[-:T]|\.\d+/g, '')
        .slice(2),
    ),
  );
const name = (commonName: string) =>
  sequence(der(0x31, sequence(oid('2.5.4.3'), der(0x0c, Buffer.from(commonName)))));

/** subjectAltName: DNS names and IPv4 literals, which is what TLS clients check the host against. */
function altNames(hosts: string[]): Buffer {
  const entries = hosts.map((host) =>
    isIP(host) === 4
      ? der(0x87, Buffer.from(host.split('.').map(Number)))
      : der(0x82, Buffer.from(host, 'ascii')),
  );
  return sequence(oid('2.5.29.17'), der(0x04, sequence(...entries)));
}

/**
 * Make a P-256 certificate for `hosts` (localhost and 127.0.0.1 by default), valid for a day,
 * self-signed and marked as a CA. Node can verify certificates but not make them; this builds
 * the few X.509 fields a TLS client checks, so tests need neither openssl nor a package.
 */
export function makeTestCertificate(hosts: string[] = ['localhost', '127.0.0.1']): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecdsaSha256 = sequence(oid('1.2.840.10045.4.3.2'));
  const serial = randomBytes(8);
  // A positive INTEGER with no leading zero byte: DER wants the shortest form.
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  const now = Date.now();
  const subject = name(hosts[0] ?? 'localhost');
  const basicConstraints = sequence(oid('2.5.29.19'), der(0x04, sequence(der(0x01, Buffer.from([0xff])))));
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ecdsaSha256,
    subject,
    sequence(time(new Date(now - 60_000)), time(new Date(now + 24 * 3600_000))),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, sequence(basicConstraints, altNames(hosts))),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(tbs, ecdsaSha256, der(0x03, Buffer.from([0]), signature));
  const base64 = certificate.toString('base64').replace(/.{64}/g, '$&\n');
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
