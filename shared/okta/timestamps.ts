/** ISO-8601 as Okta writes it: ms in the docs, µs in some deliveries (https://developer.okta.com/docs/concepts/event-hooks/#sample-event-delivery-payload). */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms (fractions below a ms kept), or null when the text is not such a timestamp. */
export function parseOktaTime(text: string | undefined): number | null {
  if (text === undefined) return null;
  const match = ISO.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const base = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  if (Number.isNaN(base)) return null;
  return base + (fraction === '' ? 0 : Number(`0.${fraction}`) * 1000);
}
