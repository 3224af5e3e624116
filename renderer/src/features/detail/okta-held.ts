import { formatDuration } from '../../ui/format';

/**
 * How long Okta held an event before sending it, from the two times a delivery carries: each
 * event's `published` (when it happened) and the envelope's `eventTime` (when Okta made the
 * delivery request, seconds after `published`); see
 * https://developer.okta.com/docs/concepts/event-hooks/#sample-event-delivery-payload. When it
 * arrived here is the envelope's transit, not this. An `eventTime` before `published` is not
 * something Okta sends: it is said as such, not shown as a negative delay.
 */
export function heldText(queuedMs: number): { text: string; title: string } {
  if (queuedMs < 0) {
    return {
      text: `eventTime is ${formatDuration(-queuedMs)} before it`,
      title: 'The envelope’s eventTime is earlier than this event’s published time: Okta sends it later.',
    };
  }
  return {
    text: `Okta sent it ${formatDuration(queuedMs)} later`,
    title:
      'eventTime − published: how long Okta held the event before making this delivery request. ' +
      'The trip from Okta to here is the transit above.',
  };
}
