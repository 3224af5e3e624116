import { asRecord, asText, type JsonRecord } from './emulator-json';

/**
 * The HTTP channel event hooks and inline hooks both have (`channel.config`), as the emulated org
 * keeps it: the auth value included, which Okta never returns.
 */
export interface StoredChannel {
  uri: string;
  headers: { key: string; value: string }[];
  auth: { key: string; value: string } | null;
}

/** The channel of a create or replace body its hook kind has validated. */
export function readChannel(body: JsonRecord): StoredChannel {
  const config = asRecord(asRecord(body.channel)?.config) ?? {};
  const auth = asRecord(config.authScheme);
  const headers = Array.isArray(config.headers) ? config.headers : [];
  return {
    uri: asText(config.uri) ?? '',
    headers: headers.flatMap((h) => {
      const header = asRecord(h);
      const key = asText(header?.key);
      return key === undefined ? [] : [{ key, value: asText(header?.value) ?? '' }];
    }),
    auth: auth ? { key: asText(auth.key) ?? '', value: asText(auth.value) ?? '' } : null,
  };
}

/**
 * The channel as Okta returns it: never the auth value, and the auth key as the hook kind shows
 * it (`authKey`: event hooks lower-case it, inline hooks keep it as stored).
 */
export function channelJson({ uri, headers }: StoredChannel, authKey: string | null): JsonRecord {
  return {
    type: 'HTTP',
    version: '1.0.0',
    config: {
      uri,
      headers,
      method: 'POST',
      ...(authKey !== null ? { authScheme: { type: 'HEADER', key: authKey } } : {}),
    },
  };
}
