import { describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { SettingsView } from '../../../shared/model/settings';
import type { AppStatus } from '../../../shared/model/status';
import { makeSummary } from '../../../test-support/shared/make-summary';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { createElectronBridge } from '../bridge/electron-bridge';
import { createAppStore } from './create-app-store';
import { selectListCurrent, selectPickedCount } from './selectors';
import { connectStore, type FrameScheduler } from './sync';

const summary = (seq: number, status = 204) => makeSummary(seq, { status });

const STATUS = { mode: 'headless' } as AppStatus;
const SETTINGS = { hookPath: '/okta/event-hook' } as SettingsView;

/** Frames run when the test says so. */
function manualFrames() {
  const queue: (() => void)[] = [];
  const schedule: FrameScheduler = (flush) => void queue.push(flush);
  return { schedule, run: () => queue.splice(0).forEach((flush) => flush()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A fake engine whose only query is `status:5xx`. */
const matches = (query: string) => (item: ExchangeSummary) => query === '' || item.status >= 500;

/** `duringRead` runs as the engine answers a read: what it pushes then may or may not be in the answer. */
function setup(engineItems: ExchangeSummary[], duringRead: () => void = () => undefined) {
  const bridge = createFakeBridge();
  let items = engineItems;
  bridge.answer('exchanges.list', (input) => {
    duringRead();
    const {
      query = '',
      offset = 0,
      limit = 500,
    } = input as { query?: string; offset?: number; limit?: number };
    const listed = [...items.filter(matches(query))].reverse();
    return {
      items: listed.slice(offset, offset + limit),
      nextCursor: null,
      total: listed.length,
      lastSeq: items.at(-1)?.seq ?? 0,
      searchPending: 0,
    };
  });
  bridge.answer('exchanges.match', (input) => {
    const { query, ids } = input as { query: string; ids: string[] };
    return {
      ids: items.filter((item) => ids.includes(item.id) && matches(query)(item)).map((item) => item.id),
    };
  });
  bridge.answer('status.get', () => STATUS);
  bridge.answer('settings.get', () => SETTINGS);
  bridge.answer('tunnel.status', () => ({ state: 'off', provider: 'ngrok' }));
  const store = createAppStore();
  const frames = manualFrames();
  connectStore(store, bridge, frames.schedule);
  return { bridge, store, frames, setEngine: (next: ExchangeSummary[]) => (items = next) };
}

const listed = (store: ReturnType<typeof setup>['store']) => store.getState().window;
const reads = (bridge: ReturnType<typeof setup>['bridge']) =>
  bridge.calls
    .filter((c) => c.name === 'exchanges.list')
    .map((c) => c.input as { offset: number; limit: number });

describe('connectStore', () => {
  it('reads the rows at once, then again first of all on connect, so neither waits for the others', async () => {
    const { bridge } = setup([summary(1)]);
    expect(bridge.calls.map((call) => call.name)).toEqual(['exchanges.list']);
    await settle();
    bridge.setConnected(true);
    expect(bridge.calls.map((call) => call.name)).toEqual([
      'exchanges.list',
      'exchanges.list',
      'status.get',
      'settings.get',
      'tunnel.status',
      'okta.get',
      'filters.list',
    ]);
  });

  it('lists what was stored between the first read and the connection', async () => {
    const { bridge, store, setEngine } = setup([summary(1)]);
    await settle();
    expect(listed(store)).toEqual(['id-1']);
    setEngine([summary(1), summary(2)]);
    bridge.setConnected(true);
    await settle();
    expect(listed(store)).toEqual(['id-2', 'id-1']);
  });

  it('reads once when the connection is there from the start (the desktop bridge)', async () => {
    const engine = createFakeBridge();
    engine.answer('exchanges.list', () => ({
      items: [],
      nextCursor: null,
      total: 0,
      lastSeq: 0,
      searchPending: 0,
    }));
    connectStore(createAppStore(), createElectronBridge(engine), manualFrames().schedule);
    await settle();
    expect(engine.calls.filter((call) => call.name === 'exchanges.list')).toHaveLength(1);
  });

  it('reads the rows in view on connect, then applies the live tail once per frame', async () => {
    const { bridge, store, frames } = setup([summary(1), summary(2)]);
    bridge.setConnected(true);
    await settle();
    expect(listed(store)).toEqual(['id-2', 'id-1']);
    expect(store.getState().status).toBe(STATUS);
    bridge.emit('exchanges.appended', { items: [summary(3)] });
    bridge.emit('exchanges.appended', { items: [summary(4)] });
    expect(listed(store)).toHaveLength(2);
    frames.run();
    expect(listed(store)).toEqual(['id-4', 'id-3', 'id-2', 'id-1']);
    expect(store.getState().total).toBe(4);
  });

  it('drops pushes the read already holds (pushed while it ran)', async () => {
    const { bridge, store, frames } = setup([summary(1), summary(2), summary(3)]);
    bridge.emit('exchanges.appended', { items: [summary(2), summary(3)] });
    bridge.setConnected(true);
    await settle();
    frames.run();
    expect(listed(store)).toEqual(['id-3', 'id-2', 'id-1']);
    expect(store.getState().total).toBe(3);
  });

  it('reads again when a gap in seq shows a push was missed', async () => {
    const { bridge, store, frames, setEngine } = setup([summary(1)]);
    bridge.setConnected(true);
    await settle();
    const before = reads(bridge).length;
    setEngine([summary(1), summary(2), summary(3)]);
    bridge.emit('exchanges.appended', { items: [summary(3)] });
    frames.run();
    await settle();
    expect(listed(store)).toEqual(['id-3', 'id-2', 'id-1']);
    expect(reads(bridge)).toHaveLength(before + 1);
  });

  it('applies updates and removals to the rows held and reads again after a clear', async () => {
    const { bridge, store, frames, setEngine } = setup([summary(1), summary(2)]);
    bridge.setConnected(true);
    await settle();
    bridge.emit('exchanges.updated', { items: [{ ...summary(1), durationMs: 42 }, summary(99)] });
    bridge.emit('exchanges.removed', { ids: ['id-2'], seqs: [2], receivedAt: [2] });
    frames.run();
    expect(store.getState().byId['id-1']?.durationMs).toBe(42);
    expect(store.getState().byId['id-99']).toBeUndefined();
    expect(listed(store)).toEqual(['id-1']);
    setEngine([{ ...summary(1), pinned: true }]);
    bridge.emit('exchanges.cleared', { seq: 2 });
    expect(listed(store)).toEqual([]);
    await settle();
    expect(listed(store)).toEqual(['id-1']);
  });

  it('reads the rows at any position that comes into view, and only those', async () => {
    const { bridge, store } = setup(Array.from({ length: 5000 }, (_, i) => summary(i + 1)));
    bridge.setConnected(true);
    await settle();
    const before = reads(bridge).length;
    store.getState().setWanted(4970, 5000);
    await settle();
    expect(reads(bridge).at(-1)).toMatchObject({ offset: 4870 });
    expect(store.getState().windowStart).toBe(4870);
    expect(listed(store).at(-1)).toBe('id-1');
    store.getState().setWanted(4960, 4990);
    await settle();
    expect(reads(bridge)).toHaveLength(before + 1);
  });

  it('keeps rows held below the top in their places as new ones arrive and old ones go', async () => {
    const { bridge, store, frames } = setup(Array.from({ length: 1000 }, (_, i) => summary(i + 1)));
    bridge.setConnected(true);
    await settle();
    store.getState().setWanted(500, 530);
    await settle();
    const start = store.getState().windowStart;
    bridge.emit('exchanges.appended', { items: [summary(1001), summary(1002)] });
    frames.run();
    expect(store.getState()).toMatchObject({ windowStart: start + 2, total: 1002, shifted: 2 });
    // Retention takes the oldest (below the rows held), a delete one of the newest (above).
    bridge.emit('exchanges.removed', { ids: ['id-1', 'id-1002'], seqs: [1, 1002], receivedAt: [1, 1002] });
    frames.run();
    expect(store.getState()).toMatchObject({ windowStart: start + 1, total: 1000 });
    expect(store.getState().positionOf('id-500')).toBe(501);
  });

  it('counts a delete once when a read that already left it out ran before its push was applied', async () => {
    // history-bulk.spec: after Delete the list showed 2 rows, and Ctrl+A then picked 1.
    const { bridge, store, frames, setEngine } = setup([summary(1), summary(2), summary(3)]);
    bridge.setConnected(true);
    await settle();
    setEngine([summary(1), summary(2)]);
    bridge.emit('exchanges.removed', { ids: ['id-3'], seqs: [3], receivedAt: [3] });
    bridge.setConnected(true);
    await settle();
    frames.run();
    expect(listed(store)).toEqual(['id-2', 'id-1']);
    expect(store.getState().total).toBe(2);
    store.getState().pickAllMatching();
    expect(selectPickedCount(store.getState())).toBe(2);
  });

  it('counts a delete pushed while a read ran once, whether or not the read saw it', async () => {
    let pushDuringRead = false;
    const { bridge, store, frames, setEngine } = setup([summary(1), summary(2), summary(3)], () => {
      if (!pushDuringRead) return;
      pushDuringRead = false;
      setEngine([summary(1), summary(2)]);
      bridge.emit('exchanges.removed', { ids: ['id-3'], seqs: [3], receivedAt: [3] });
    });
    bridge.setConnected(true);
    await settle();
    pushDuringRead = true;
    bridge.setConnected(true);
    await settle();
    frames.run();
    expect(listed(store)).toEqual(['id-2', 'id-1']);
    expect(store.getState().total).toBe(2);
  });

  it('keeps rows held below the top in place when a read ran after a delete above them', async () => {
    const { bridge, store, frames, setEngine } = setup(
      Array.from({ length: 1000 }, (_, i) => summary(i + 1)),
    );
    bridge.setConnected(true);
    await settle();
    store.getState().setWanted(500, 530);
    await settle();
    setEngine(Array.from({ length: 999 }, (_, i) => summary(i + 1)));
    bridge.emit('exchanges.removed', { ids: ['id-1000'], seqs: [1000], receivedAt: [1000] });
    bridge.setConnected(true);
    await settle();
    frames.run();
    expect(store.getState()).toMatchObject({ windowStart: 400, total: 999 });
    expect(store.getState().positionOf('id-499')).toBe(500);
  });

  it('loads the tunnel state on connect and follows its pushes', async () => {
    const { bridge, store } = setup([]);
    bridge.setConnected(true);
    await settle();
    expect(store.getState().tunnel).toEqual({ state: 'off', provider: 'ngrok' });
    bridge.emit('tunnel.changed', { state: 'starting', provider: 'ngrok', since: 1 });
    expect(store.getState().tunnel).toMatchObject({ state: 'starting' });
  });

  it('marks the engine disconnected and resyncs on reconnection', async () => {
    const { bridge, store } = setup([summary(1)]);
    bridge.setConnected(true);
    await settle();
    const before = reads(bridge).length;
    bridge.setConnected(false);
    expect(store.getState().connected).toBe(false);
    bridge.setConnected(true);
    await settle();
    expect(store.getState().connected).toBe(true);
    expect(reads(bridge)).toHaveLength(before + 1);
  });
});

describe('connectStore with a query', () => {
  it('reads the list for a new query and lets in only pushes the engine says match', async () => {
    const { bridge, store, frames, setEngine } = setup([summary(1), summary(2, 500)]);
    bridge.setConnected(true);
    await settle();
    store.getState().setQuery('status:5xx');
    await settle();
    expect(listed(store)).toEqual(['id-2']);
    expect(store.getState().lastSeq).toBe(2);
    setEngine([summary(1), summary(2, 500), summary(3), summary(4, 503)]);
    bridge.emit('exchanges.appended', { items: [summary(3), summary(4, 503)] });
    frames.run();
    await settle();
    expect(listed(store)).toEqual(['id-4', 'id-2']);
    expect(store.getState().lastSeq).toBe(4);
  });

  it('takes in an exchange whose update makes it match, and lets go of one that no longer does', async () => {
    const { bridge, store, frames, setEngine } = setup([summary(1), summary(2, 500)]);
    bridge.setConnected(true);
    store.getState().setQuery('status:5xx');
    await settle();
    await settle();
    setEngine([summary(1, 500), summary(2)]);
    bridge.emit('exchanges.updated', { items: [summary(1, 500), summary(2)] });
    frames.run();
    await settle();
    await settle();
    expect(listed(store)).toEqual(['id-1']);
  });

  it('never shows the answer to a query typed over as the new one’s, nor a count until that is in', async () => {
    const { bridge, store } = setup([summary(1), summary(2, 503)]);
    bridge.setConnected(true);
    await settle();
    expect(selectListCurrent(store.getState())).toBe(true);
    const engine = [summary(1), summary(2, 503)];
    const answering = bridge.hold('exchanges.list', (input) => {
      const { query } = input as { query: string };
      const items = query === 'status:5xx' ? [engine[1]!] : [];
      return { items, nextCursor: null, total: items.length, lastSeq: 2, searchPending: 0 };
    });
    store.getState().setQuery('status:5xx');
    await settle();
    store.getState().setQuery('status:4xx');
    answering.release();
    await settle();
    // The 5xx answer (one match) arrived after the query changed: not shown as the 4xx one's.
    expect(store.getState().total).not.toBe(1);
    expect(selectListCurrent(store.getState())).toBe(false);
    answering.release();
    await settle();
    expect(store.getState()).toMatchObject({ total: 0, window: [], listedQuery: 'status:4xx' });
    expect(selectListCurrent(store.getState())).toBe(true);
  });
});
