import type { CommandName, CommandOutput } from '../../shared/contract/commands';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { Result } from '../../shared/model/result';
import type { Bridge, ConnectionState } from '../../renderer/src/bridge/bridge';

type Responder = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

export interface FakeBridge extends Bridge {
  /** Answer a command (replaces any previous answer). */
  answer<N extends CommandName>(name: N, respond: (input: unknown) => CommandOutput<N>): void;
  fail(name: CommandName, message: string): void;
  /**
   * Hold every call of `name` until the test lets it go, as a slow engine would: `release()`
   * answers the oldest call held, with what `respond` says at that moment.
   */
  hold<N extends CommandName>(name: N, respond: (input: unknown) => CommandOutput<N>): { release(): void };
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  /** True: connected; false: the stream dropped. */
  setConnected(connected: boolean): void;
  /** The engine answers 401 to this window's token. */
  refuse(): void;
  /** Every command invoked, in order. */
  calls: { name: CommandName; input: unknown }[];
  /** Files uploaded, in order. */
  uploads: File[];
}

/** An in-memory bridge for store and component tests: no engine, no network. */
export function createFakeBridge(): FakeBridge {
  const responders = new Map<CommandName, Responder>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const connection = new Set<(state: ConnectionState) => void>();
  const announce = (state: ConnectionState) => {
    for (const listener of connection) listener(state);
  };
  const calls: { name: CommandName; input: unknown }[] = [];
  const uploads: File[] = [];
  return {
    kind: 'electron',
    calls,
    uploads,
    upload: (file) => {
      uploads.push(file);
      return Promise.resolve({ ok: true, value: { upload: `upload-${uploads.length}` } });
    },
    invoke: async (name, input) => {
      calls.push({ name, input });
      const respond = responders.get(name);
      const result = respond
        ? await respond(input)
        : { ok: false, error: { code: 'unavailable', message: `no fake answer for ${name}` } };
      return result as Awaited<ReturnType<Bridge['invoke']>>;
    },
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onConnection: (listener) => {
      connection.add(listener);
      return () => connection.delete(listener);
    },
    answer: (name, respond) => responders.set(name, (input) => ({ ok: true, value: respond(input) })),
    hold: (name, respond) => {
      const held: (() => void)[] = [];
      responders.set(
        name,
        (input) => new Promise((resolve) => held.push(() => resolve({ ok: true, value: respond(input) }))),
      );
      return {
        release: () => {
          const next = held.shift();
          if (!next) throw new Error(`no call of ${name} is held`);
          next();
        },
      };
    },
    fail: (name, message) =>
      responders.set(name, () => ({ ok: false, error: { code: 'internal', message } })),
    emit: (name, payload) => {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    setConnected: (connected) => announce(connected ? 'connected' : 'lost'),
    refuse: () => announce('refused'),
  };
}
