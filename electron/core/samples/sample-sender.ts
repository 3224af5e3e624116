import type { ParsedInput } from '../../../shared/contract/commands';
import type { Clock } from '../deps';
import type { InlineDesk } from '../inline/inline-desk';
import type { OwnRequestTags } from '../receiver/own-request-tags';
import type { Receiver } from '../receiver/receiver';
import type { SettingsStore } from '../settings/settings-store';
import { sendInlineSample } from './send-inline-sample';
import { sendSample, type EventPick } from './send-sample';

export interface SampleSenderDeps {
  settings: SettingsStore;
  tags: OwnRequestTags;
  clock: Clock;
  inline: InlineDesk;
  /** Where samples go: the event hook URL and the receiver's base URL, while it runs. */
  receiver: Pick<Receiver, 'status'>;
  /** The events a saved event hook filter lets through (`samples.send` with `filter`). */
  pick(filter: string): EventPick;
}

/** `samples.send`: an event hook delivery, or an inline hook call of one type. */
export function sampleSender(deps: SampleSenderDeps) {
  const { settings, tags, clock, inline } = deps;
  const common = { settings: () => settings.current(), secret: () => settings.secret(), tags, clock };
  return (input: ParsedInput<'samples.send'>) =>
    'inlineType' in input
      ? withNothingHeld(
          sendInlineSample(
            {
              ...common,
              localUrl: () => deps.receiver.status().localUrl,
              basePath: () => inline.state().settings.basePath,
              sample: (type) => inline.sample(type),
            },
            input.inlineType,
          ),
        )
      : sendSample(
          { ...common, hookUrl: () => deps.receiver.status().hookUrl },
          input.eventTypes,
          input.filter === undefined ? undefined : deps.pick(input.filter),
        );
}

/** An inline hook call has no events to hold back. */
const withNothingHeld = async (sent: Promise<{ exchangeId: string }>) => ({ ...(await sent), withheld: [] });
