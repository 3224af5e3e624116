import type { Exchange, HeaderList } from '../../../shared/model/exchange';
import { maskImportedPassword } from '../../../shared/okta/inline/mask-password';
import { maskCredentials, type Credentials } from '../../../shared/okta/secret-mask';
import type { HeaderSealer } from '../store/header-sealer';

/**
 * The one path every header list of an exchange takes on its way to the disk, to a caller and
 * into an export. Okta sends the hook secret in a header on every request, and the same list is
 * copied on: to the user's handler (`forward.headers`), into a replay, and sometimes echoed back
 * by a handler. Whatever field holds a header list, it is sealed when stored, unsealed when read,
 * and masked when answered or exported unless the user asks for the values in clear.
 */

/** Where a header list sits in `T`, as dotted paths; `[]` steps into each element of an array. */
type HeaderListPaths<T, Path extends string = ''> = T extends HeaderList
  ? Path
  : T extends readonly (infer Item)[]
    ? HeaderListPaths<Item, `${Path}.[]`>
    : T extends object
      ? {
          [Key in keyof T & string]-?: HeaderListPaths<
            NonNullable<T[Key]>,
            Path extends '' ? Key : `${Path}.${Key}`
          >;
        }[keyof T & string]
      : never;

/**
 * Every header list an Exchange can hold. Derived from the type: a field added to Exchange that
 * holds a header list does not compile until it is listed here, so it cannot be missed.
 */
const HEADER_LISTS = {
  'request.headers': true,
  'response.headers': true,
  'forward.headers': true,
  'forward.response.headers': true,
} as const satisfies Record<HeaderListPaths<Exchange>, true>;

export const HEADER_LIST_PATHS = Object.keys(HEADER_LISTS) as HeaderListPaths<Exchange>[];
/** The same paths as keys, split once: every stored exchange is mapped this way. */
const HEADER_LIST_KEYS = HEADER_LIST_PATHS.map((path) => path.split('.'));

type MapHeaders = (headers: HeaderList) => HeaderList;

/** A copy of `exchange` with every header list mapped; the parts it does not hold stay absent. */
export function mapHeaderLists(exchange: Exchange, map: MapHeaders): Exchange {
  let mapped: unknown = exchange;
  for (const keys of HEADER_LIST_KEYS) mapped = mapAt(mapped, keys, map);
  return mapped as Exchange;
}

function mapAt(value: unknown, [key, ...rest]: string[], map: MapHeaders): unknown {
  if (value === undefined || value === null) return value;
  if (key === undefined) return map(value as HeaderList);
  if (key === '[]') return (value as unknown[]).map((item) => mapAt(item, rest, map));
  const record = value as Record<string, unknown>;
  if (!(key in record)) return value;
  return { ...record, [key]: mapAt(record[key], rest, map) };
}

/** As written to the capture log: credential values encrypted in every list. */
export const sealExchange = (exchange: Exchange, sealer: HeaderSealer): Exchange =>
  mapHeaderLists(exchange, (headers) => sealer.seal(headers));

/** As read back from the capture log. */
export const unsealExchange = (exchange: Exchange, sealer: HeaderSealer): Exchange =>
  mapHeaderLists(exchange, (headers) => sealer.unseal(headers));

/** As answered to the UI and written to exports: masked unless the user asked to reveal them. */
export const exchangeForCaller = (
  exchange: Exchange,
  options: { revealSecrets: boolean; credentials: Credentials },
): Exchange =>
  options.revealSecrets
    ? exchange
    : maskImportedPassword(
        mapHeaderLists(exchange, (headers) => maskCredentials(headers, options.credentials)),
      );
