import { describe, expect, it } from 'vitest';
import { makeSummary } from '../../../test-support/shared/make-summary';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { confirmDelete, deletePicked, togglePinPicked } from './bulk-commands';
import { openExchange, showExchange } from './commands';
import { answerConfirm } from './confirm';
import { createAppStore } from './create-app-store';
import { connectStore } from './sync';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Rows id-3 (newest), id-2, id-1 listed, and an engine that records deletes and pins. */
async function setup() {
  const rows = [makeSummary(3), makeSummary(2), makeSummary(1)];
  const store = createAppStore();
  const bridge = createFakeBridge();
  bridge.answer('exchanges.list', () => ({
    items: rows,
    nextCursor: null,
    total: rows.length,
    lastSeq: 3,
    searchPending: 0,
  }));
  bridge.answer('exchanges.get', (input) => ({ id: (input as { id: string }).id }) as never);
  bridge.answer('exchanges.delete', () => ({ deleted: 1 }));
  bridge.answer('exchanges.pin', () => ({ changed: 1 }));
  connectStore(store, bridge, (flush) => flush());
  bridge.setConnected(true);
  await settle();
  return { store, bridge };
}

const sent = (bridge: ReturnType<typeof createFakeBridge>, name: 'exchanges.delete' | 'exchanges.pin') =>
  bridge.calls.filter((call) => call.name === name).map((call) => call.input);

describe('keys act on the exchange the detail pane shows', () => {
  it('deletes a row picked by hand at once', async () => {
    const { store, bridge } = await setup();
    store.getState().pickOnly('id-2');
    await openExchange(store, bridge, 'id-2');
    await confirmDelete(store, bridge);
    expect(sent(bridge, 'exchanges.delete')).toEqual([{ ids: ['id-2'] }]);
  });

  it('moves the pick to an exchange opened from a link or a replay, and asks before deleting it', async () => {
    const { store, bridge } = await setup();
    store.getState().pickOnly('id-1');
    await openExchange(store, bridge, 'id-1');
    // Replay… → Send to the receiver opens the new exchange (here id-3).
    await showExchange(store, bridge, 'id-3');
    await togglePinPicked(store, bridge);
    expect(sent(bridge, 'exchanges.pin')).toEqual([{ ids: ['id-3'], pinned: true }]);

    const deleting = confirmDelete(store, bridge);
    expect(store.getState().confirming?.message).toContain('not picked in the list (POST /okta/event-hook');
    answerConfirm(store, false);
    await deleting;
    expect(sent(bridge, 'exchanges.delete')).toEqual([]);

    const again = confirmDelete(store, bridge);
    answerConfirm(store, true);
    await again;
    expect(sent(bridge, 'exchanges.delete')).toEqual([{ ids: ['id-3'] }]);
  });

  it('asks before deleting a pick that is not the exchange shown', async () => {
    const { store, bridge } = await setup();
    store.getState().pickOnly('id-1');
    store.getState().select('id-2');
    const deleting = confirmDelete(store, bridge);
    expect(store.getState().confirming?.message).toContain('not the exchange the detail pane shows');
    answerConfirm(store, true);
    await deleting;
    expect(sent(bridge, 'exchanges.delete')).toEqual([{ ids: ['id-1'] }]);
  });

  it('deletes the exchange shown at once once the followed pick is gone', async () => {
    const { store, bridge } = await setup();
    await showExchange(store, bridge, 'id-3');
    bridge.emit('exchanges.removed', { ids: ['id-3'], seqs: [3], receivedAt: [3] });
    // Enter opens the row under the cursor without picking it.
    await openExchange(store, bridge, 'id-2');
    await confirmDelete(store, bridge);
    expect(store.getState().confirming).toBeNull();
    expect(sent(bridge, 'exchanges.delete')).toEqual([{ ids: ['id-2'] }]);
  });

  it('keeps a select-all made while a delete was on its way', async () => {
    const { store, bridge } = await setup();
    store.getState().pickOnly('id-2');
    const deleting = deletePicked(store, bridge);
    store.getState().pickAllMatching();
    await deleting;
    expect(store.getState().allMatching).not.toBeNull();
  });
});

describe('an exchange the search hides', () => {
  /** id-1 shown, then a search the engine says it does not match (or does, with `matches`). */
  async function hideShown(matches: string[] = []) {
    const context = await setup();
    const { store, bridge } = context;
    bridge.answer('exchanges.match', () => ({ ids: matches }));
    bridge.answer('exchanges.list', (input) => {
      const { query } = input as { query: string };
      const items = ['id-3', 'id-2', 'id-1'].filter((id) => query === '' || matches.includes(id));
      return {
        items: items.map((id) => makeSummary(Number(id.slice(3)))),
        nextCursor: null,
        total: items.length,
        lastSeq: 3,
        searchPending: 0,
      };
    });
    store.getState().pickOnly('id-1');
    await openExchange(store, bridge, 'id-1');
    store.getState().setQuery('status:5xx');
    await settle();
    return context;
  }

  it('is marked hidden, and Delete asks first, naming why', async () => {
    const { store, bridge } = await hideShown();
    expect(store.getState().selectedHidden).toBe(true);
    const deleting = confirmDelete(store, bridge);
    expect(store.getState().confirming?.message).toContain('The search hides it: it is not in the list');
    answerConfirm(store, false);
    await deleting;
    expect(sent(bridge, 'exchanges.delete')).toEqual([]);
  });

  it('is not marked when the engine says it still matches, nor once the search is cleared', async () => {
    expect((await hideShown(['id-1'])).store.getState().selectedHidden).toBe(false);
    const { store } = await hideShown();
    store.getState().setQuery('');
    await settle();
    expect(store.getState().selectedHidden).toBe(false);
  });

  it('drops an answer about an exchange no longer shown', async () => {
    const { store, bridge } = await setup();
    const engine = bridge.invoke.bind(bridge);
    let answer: (ids: string[]) => void = () => undefined;
    // The engine answers the first match only when told to, after the user has moved on.
    bridge.invoke = (name, input) =>
      name === 'exchanges.match'
        ? new Promise((resolve) => (answer = (ids) => resolve({ ok: true, value: { ids } })))
        : engine(name, input);
    store.getState().select('id-1');
    store.getState().setQuery('status:5xx');
    store.getState().select('id-2');
    answer([]);
    await settle();
    expect(store.getState().selectedHidden).toBe(false);
  });
});

describe('a deleted exchange', () => {
  it('leaves the detail cache, the comparison and the pane once the engine says it is gone', async () => {
    const { store, bridge } = await setup();
    await showExchange(store, bridge, 'id-1');
    store.getState().setCompare({ a: 'id-1', b: 'id-3' });
    expect(store.getState().details['id-1']?.state).toBe('ready');
    bridge.emit('exchanges.removed', { ids: ['id-1'], seqs: [1], receivedAt: [1] });
    expect(store.getState().details['id-1']).toBeUndefined();
    expect(store.getState().compare).toBeNull();
    expect(store.getState().selectedId).toBeNull();
    expect(store.getState().byId['id-1']).toBeUndefined();

    bridge.fail('exchanges.get', 'No exchange id-1.');
    await showExchange(store, bridge, 'id-1');
    expect(store.getState().details['id-1']).toEqual({ state: 'error', message: 'No exchange id-1.' });
  });
});
