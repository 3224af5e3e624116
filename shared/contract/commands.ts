import { z } from 'zod';
import type { Exchange, ExchangeSummary } from '../model/exchange';
import type { WithheldEvent } from '../model/hook-filter';
import type { JobView } from '../model/job';
import type { SettingsView } from '../model/settings';
import type { AppStatus } from '../model/status';
import type { Timeline } from '../model/timeline';
import type { TunnelStatus } from '../model/tunnel';
import { defineCommand, returns, type CommandSpec } from './define';
import type { CommandName } from './names';
import { isEventHookEligible } from '../okta/event-types';
import { filterCommands, filterNameSchema } from './filter-commands';
import { inlineCommands, inlineTypeSchema } from './inline-commands';
import { oktaCommands } from './okta-commands';
import { oktaInlineCommands } from './okta-inline-commands';
import {
  exchangeIdSchema,
  ONLY_IDS_OR_QUERY,
  onlyIdsOrQuery,
  querySchema,
  replayInputSchema,
  selectorShape,
  settingsPatchSchema,
} from './schemas';

const noInput = z.object({}).strict();

/** Long enough that guessing it offline through scrypt is impractical. */
const passphraseSchema = z.string().min(12, 'at least 12 characters').max(1024);

/**
 * Every request the UI (or an API client) can make of the engine. Names are `<domain>.<verb>`;
 * inputs are validated by `electron/core/rpc` before any handler runs.
 */
export const commands = {
  'status.get': defineCommand({
    summary: 'Receiver, storage and version state.',
    input: noInput,
    output: returns<AppStatus>(),
  }),
  'settings.get': defineCommand({
    summary: 'Current settings; the secret only as a configured flag and a masked preview.',
    input: noInput,
    output: returns<SettingsView>(),
  }),
  'settings.update': defineCommand({
    summary: 'Change some settings; `secret: null` clears the secret. Returns the new settings.',
    input: settingsPatchSchema,
    output: returns<SettingsView>(),
  }),
  'settings.revealSecret': defineCommand({
    summary: 'A secret in clear, for an explicit user action such as "copy"; never kept in UI state.',
    // Only the hook secret: the user pastes it into Okta. The ngrok authtoken never leaves the engine.
    input: z.object({ name: z.literal('hookSecret') }).strict(),
    output: returns<{ value: string | null }>(),
  }),
  'secrets.protect': defineCommand({
    summary:
      'Desktop app: protect the saved secrets with a passphrase (asked for at each start), or with `null` go back to the OS keychain.',
    input: z.object({ passphrase: passphraseSchema.nullable() }).strict(),
    output: returns<SettingsView>(),
  }),
  'secrets.unlock': defineCommand({
    summary:
      'Desktop app: the passphrase the saved secrets are protected with; the engine restarts to read them.',
    input: z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
    output: returns<SettingsView>(),
  }),
  'exchanges.list': defineCommand({
    summary:
      'Summaries matching `query` (search syntax; all when empty), newest first (by time received, then seq: an imported exchange sorts by its own date), from position `offset` (0 is the newest), or after the exchange whose seq is `cursor` (pass the returned `nextCursor` for the next older page; a cursor whose exchange was deleted meanwhile ends the paging). `searchPending` counts stored exchanges whose words are not searchable yet.',
    input: z
      .object({
        limit: z.number().int().min(1).max(5000).default(500),
        /** Rows to skip, from the newest (after `cursor`). */
        offset: z.number().int().min(0).max(100_000_000).default(0),
        /** Only exchanges listed after (older than) the one with this seq. */
        cursor: z.number().int().min(0).optional(),
        query: querySchema.default(''),
      })
      .strict(),
    output: returns<{
      items: ExchangeSummary[];
      nextCursor: number | null;
      total: number;
      lastSeq: number;
      searchPending: number;
    }>(),
  }),
  'exchanges.get': defineCommand({
    summary: 'One exchange in full; secret header values are masked unless `revealSecrets`.',
    input: z.object({ id: exchangeIdSchema, revealSecrets: z.boolean().default(false) }).strict(),
    output: returns<Exchange>(),
  }),
  'exchanges.match': defineCommand({
    summary: 'Which of these exchanges match `query`: how a filtered list takes in live pushes.',
    input: z.object({ query: querySchema, ids: z.array(exchangeIdSchema).max(5000) }).strict(),
    output: returns<{ ids: string[] }>(),
  }),
  'exchanges.timeline': defineCommand({
    summary: 'Exchanges matching `query` counted per time slice, by outcome, with the slowest answer.',
    input: z
      .object({ query: querySchema.default(''), buckets: z.number().int().min(10).max(1000).default(120) })
      .strict(),
    output: returns<Timeline>(),
  }),
  'exchanges.pin': defineCommand({
    summary: 'Pin (keep whatever the retention limits) or unpin the selected exchanges.',
    input: z
      .object({ ...selectorShape, pinned: z.boolean() })
      .strict()
      .refine(onlyIdsOrQuery, ONLY_IDS_OR_QUERY),
    output: returns<{ changed: number }>(),
  }),
  'exchanges.delete': defineCommand({
    summary: 'Delete the selected exchanges.',
    input: z.object(selectorShape).strict().refine(onlyIdsOrQuery, ONLY_IDS_OR_QUERY),
    output: returns<{ deleted: number }>(),
  }),
  'exchanges.clear': defineCommand({
    summary: 'Delete every stored exchange that is not pinned.',
    input: noInput,
    output: returns<{ cleared: number }>(),
  }),
  'exchanges.export': defineCommand({
    summary:
      'Write the selected exchanges (all by default) to a HAR 1.2 or NDJSON file, secrets masked unless `revealSecrets`; `job` is null if the user cancelled the save dialog.',
    input: z
      .object({
        format: z.enum(['har', 'ndjson']),
        ...selectorShape,
        revealSecrets: z.boolean().default(false),
      })
      .strict()
      .refine(onlyIdsOrQuery, ONLY_IDS_OR_QUERY),
    output: returns<{ job: JobView | null }>(),
  }),
  'exchanges.import': defineCommand({
    summary:
      'Import a HAR or NDJSON file as exchanges marked imported: an `upload` (headless), or a file the desktop app asks for; `job` is null if the user cancelled.',
    input: z
      .object({
        upload: z
          .string()
          .regex(/^[A-Za-z0-9_-]{8,64}$/)
          .optional(),
      })
      .strict(),
    output: returns<{ job: JobView | null }>(),
  }),
  'jobs.cancel': defineCommand({
    summary: 'Stop a running export (its file is removed) or import (what it added is removed).',
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: returns<{ cancelled: boolean }>(),
  }),
  'samples.send': defineCommand({
    summary:
      "Send a realistic event hook delivery (one event per listed type; with `filter`, only the events that saved filter lets through, unlike Okta's Preview) or inline hook call (`inlineType`) through the receiver. Returns its exchange id and the events held back.",
    input: z.union([
      z
        .object({
          eventTypes: z
            .array(z.string().refine(isEventHookEligible, 'not an event type Okta can deliver to a hook'))
            .min(1)
            .max(50),
          filter: filterNameSchema.optional(),
        })
        .strict(),
      z.object({ inlineType: inlineTypeSchema }).strict(),
    ]),
    output: returns<{ exchangeId: string; withheld: WithheldEvent[] }>(),
  }),
  'replay.run': defineCommand({
    summary:
      'Resend one exchange (as captured or with edits) or several (in received or published order) to the forward target, the receiver or a URL; returns the new exchange ids.',
    input: replayInputSchema,
    output: returns<{ exchangeIds: string[] }>(),
  }),
  'tunnel.status': defineCommand({
    summary: 'The public tunnel: off, starting, online (with its URLs), reconnecting or error.',
    input: noInput,
    output: returns<TunnelStatus>(),
  }),
  'tunnel.start': defineCommand({
    summary:
      'Open the tunnel with the configured provider; answers once it is online or has failed (bounded). ' +
      'A running tunnel is kept unless `restart`.',
    input: z.object({ restart: z.boolean().default(false) }).strict(),
    output: returns<TunnelStatus>(),
  }),
  'tunnel.stop': defineCommand({
    summary: 'Close the tunnel (and cancel an attempt under way).',
    input: noInput,
    output: returns<TunnelStatus>(),
  }),
  ...oktaCommands,
  ...filterCommands,
  ...inlineCommands,
  ...oktaInlineCommands,
} as const satisfies Record<CommandName, CommandSpec>;

export type Commands = typeof commands;
/** What a caller sends: schema defaults may be left out. */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What a handler receives after validation: defaults filled in. */
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = NonNullable<Commands[N]['output']['__returns']>;

export { commandNames, isCommandName, type CommandName } from './names';
