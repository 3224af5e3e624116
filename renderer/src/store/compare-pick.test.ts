import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { storeHolding } from '../../../test-support/renderer/store-holding';
import { listShortcuts } from '../features/keyboard/shortcuts';
import { openExchange } from './commands';

/** A store showing `id-3` in the detail, with Compare with… started from it. */
async function picking() {
  const { store, all } = storeHolding(5);
  const bridge = createFakeBridge();
  bridge.answer('exchanges.get', (input) => ({ id: (input as { id: string }).id }) as never);
  await openExchange(store, bridge, 'id-3');
  store.getState().setCompare({ a: 'id-3', b: null });
  const escape = () =>
    listShortcuts({ store, bridge, focusSearch: () => undefined })
      .find((shortcut) => shortcut.keys.includes('Escape'))!
      .run('Escape');
  return { store, bridge, all, escape };
}

describe('the compare pick', () => {
  it('is what Escape cancels first, leaving the detail open', async () => {
    const { store, bridge, escape } = await picking();
    escape();
    expect(store.getState().compare).toBeNull();
    expect(store.getState().selectedId).toBe('id-3');
    // The next row opened is shown, not compared.
    await openExchange(store, bridge, 'id-2');
    expect(store.getState().compare).toBeNull();
    expect(store.getState().selectedId).toBe('id-2');
    escape();
    expect(store.getState().selectedId).toBeNull();
  });

  it('ends when the detail it started from is closed or hidden', async () => {
    const first = await picking();
    first.store.getState().select(null);
    expect(first.store.getState().compare).toBeNull();

    const second = await picking();
    second.store.getState().toggleDetail();
    expect(second.store.getState().compare).toBeNull();
  });

  it('ends when the exchange it started from is deleted, or the history is cleared', async () => {
    const first = await picking();
    const gone = first.all.find((summary) => summary.id === 'id-3')!;
    first.store
      .getState()
      .removeExchanges({ ids: [gone.id], seqs: [gone.seq], receivedAt: [gone.receivedAt] }, true);
    expect(first.store.getState().compare).toBeNull();

    const second = await picking();
    second.store.getState().clearExchanges();
    expect(second.store.getState().compare).toBeNull();
  });

  it('leaves a comparison already made alone', async () => {
    const { store } = await picking();
    store.getState().setCompare({ a: 'id-3', b: 'id-1' });
    store.getState().select(null);
    expect(store.getState().compare).toEqual({ a: 'id-3', b: 'id-1' });
  });
});
