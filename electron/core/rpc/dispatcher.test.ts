import { describe, expect, it } from 'vitest';
import { silentLogger } from '../deps';
import { CommandError } from './command-error';
import { createDispatcher, type Handlers } from './dispatcher';

const handlers = (overrides: Partial<Handlers> = {}): Handlers =>
  ({
    'status.get': () => ({ mode: 'headless' }),
    'exchanges.list': (input: unknown) => ({ items: [], nextCursor: null, total: 0, echo: input }),
    'exchanges.get': ({ id }: { id: string }) => {
      throw new CommandError('not-found', `No exchange with id ${id}.`);
    },
    'exchanges.clear': () => {
      throw new Error('disk on fire');
    },
    ...overrides,
  }) as unknown as Handlers;

describe('dispatcher', () => {
  const dispatch = createDispatcher(handlers(), silentLogger);

  it('refuses unknown commands by value', async () => {
    expect(await dispatch('exchanges.delete-everything', {})).toEqual({
      ok: false,
      error: { code: 'unknown-command', message: 'Unknown command "exchanges.delete-everything".' },
    });
  });

  it('validates input before the handler runs and fills defaults', async () => {
    const bad = await dispatch('exchanges.list', { limit: 'lots' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const extra = await dispatch('exchanges.list', { limit: 5, sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const good = await dispatch('exchanges.list', undefined);
    expect(good).toMatchObject({ ok: true, value: { echo: { limit: 500 } } });
  });

  it('turns expected failures into values and unexpected ones into internal errors', async () => {
    expect(await dispatch('exchanges.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No exchange with id x.' },
    });
    expect(await dispatch('exchanges.clear', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'exchanges.clear failed: disk on fire' },
    });
  });

  it('never throws, whatever it is sent', async () => {
    for (const input of [null, 42, 'text', [], { limit: Infinity }, { __proto__: { limit: 1 } }]) {
      const result = await dispatch('exchanges.list', input);
      expect(typeof result.ok).toBe('boolean');
    }
  });
});
