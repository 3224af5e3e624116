import type { DeliveryRecord, DeliveryStatus } from '../model/okta';

export type DeliveryTone = 'ok' | 'warn' | 'bad' | 'neutral';

export interface DeliveryVerdict {
  tone: DeliveryTone;
  label: string;
  sentence: string;
}

/** Each status's label and colour, in the order the panel lists them. */
export const DELIVERY_STATUSES: readonly { status: DeliveryStatus; label: string; tone: DeliveryTone }[] = [
  { status: 'received', label: 'received', tone: 'ok' },
  { status: 'failed', label: 'Okta: failed', tone: 'bad' },
  { status: 'missing', label: 'never arrived', tone: 'bad' },
  { status: 'refused', label: 'refused here', tone: 'warn' },
  { status: 'pending', label: 'pending', tone: 'neutral' },
];

function arrival(record: DeliveryRecord): string {
  const capture = record.captures.at(-1);
  if (!capture) return '';
  const answer = capture.status === 0 ? 'not answered' : `answered ${capture.status}`;
  const times = record.captures.length > 1 ? ` (${record.captures.length} times)` : '';
  return `It arrived here${times}, ${answer}.`;
}

function core(record: DeliveryRecord): string {
  switch (record.status) {
    case 'received':
      return `Okta delivered it and the receiver accepted it. ${arrival(record)}`;
    case 'refused':
      return `${arrival(record)} Okta has not logged a delivery failure for it (yet).`;
    case 'failed': {
      const reason = record.failure?.reason ? `: ${record.failure.reason}` : '';
      const how =
        record.failure?.match === 'by-time'
          ? ' (the record names only the hook: it is the nearest failure of this hook after the event)'
          : '';
      return `Okta logged the delivery as failed${reason}${how}. ${arrival(record) || 'It never arrived here.'}`;
    }
    case 'pending':
      return 'Okta meant to deliver it and it has not arrived yet; Okta can take a few minutes.';
    case 'missing':
      return 'Okta meant to deliver it, it has not arrived here, and Okta has logged no failure for it so far (Okta promises no maximum delay).';
  }
}

/** What became of one event Okta meant to deliver, in one label and a sentence or two. */
export function describeDelivery(record: DeliveryRecord): DeliveryVerdict {
  const { label, tone } = DELIVERY_STATUSES.find((entry) => entry.status === record.status) ?? {
    label: record.status,
    tone: 'neutral',
  };
  const resent = record.resentAs.length > 0 ? ' Resent here from the System Log record.' : '';
  return { label, tone, sentence: `${core(record).trim()}${resent}` };
}
