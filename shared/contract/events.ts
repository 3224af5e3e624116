import type { ExchangeSummary } from '../model/exchange';
import type { JobView } from '../model/job';
import type { SettingsView } from '../model/settings';
import type { FiltersState } from '../model/hook-filter';
import type { InlineState } from '../model/inline';
import type { OktaState } from '../model/okta';
import type { AppStatus } from '../model/status';
import type { TunnelStatus } from '../model/tunnel';
import { defineEvent, type EventSpec } from './define';
import type { MenuAction } from './menu-actions';
import type { EventName } from './names';

/** Pushes from the engine to every connected UI. Past tense: they report what happened. */
export const events = {
  'exchanges.appended': defineEvent<{ items: ExchangeSummary[] }>(
    'New exchanges, batched (about every 50 ms), in seq order.',
  ),
  'exchanges.updated': defineEvent<{ items: ExchangeSummary[] }>(
    'Summaries that changed after they were appended (final timing, pinned or unpinned).',
  ),
  'exchanges.removed': defineEvent<{ ids: string[]; seqs: number[]; receivedAt: number[] }>(
    'Exchanges deleted or evicted by retention, batched like appends; `seqs[i]` and `receivedAt[i]` are those of `ids[i]` (a list placed by time received, then seq, can tell where each was).',
  ),
  'exchanges.cleared': defineEvent<{ seq: number }>(
    'Every unpinned exchange was deleted; `seq` is the last seq before the clear. Pinned ones remain: reload the list.',
  ),
  'exchanges.changed': defineEvent<{ lastSeq: number }>(
    'So many exchanges changed at once (a bulk pin, history migrated from an earlier version) that lists should be read again.',
  ),
  'jobs.changed': defineEvent<JobView>(
    'An export, import or filter check progressed, finished, failed or was cancelled.',
  ),
  'status.changed': defineEvent<AppStatus>('Receiver or storage state changed.'),
  'settings.changed': defineEvent<SettingsView>('Settings changed (from any window).'),
  'tunnel.changed': defineEvent<TunnelStatus>('The tunnel changed state, URL or hook path.'),
  'menu.invoked': defineEvent<{ action: MenuAction }>(
    'Desktop only: the native menu asks the UI to act (sent by Electron main, not the engine).',
  ),
  'okta.changed': defineEvent<OktaState>(
    'The Okta org integration changed: connection, hooks, a run step, the poller, or the delivery correlation.',
  ),
  'filters.changed': defineEvent<FiltersState>(
    'Event hook filters changed: saved, removed, read from a hook, or their check of the history progressed.',
  ),
  'inline.changed': defineEvent<InlineState>(
    'Inline hook settings changed, or a call was held at a breakpoint or released.',
  ),
} as const satisfies Record<EventName, EventSpec>;

export type Events = typeof events;
export type EventPayload<N extends EventName> = NonNullable<Events[N]['payload']['__returns']>;

export { eventNames, isEventName, type EventName } from './names';

/** One push as it travels over a transport. */
export type PushMessage = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];
