import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../../test-support/renderer/fake-bridge';
import { createAppStore } from './create-app-store';
import { connectTimeline } from './timeline-sync';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const bridge = createFakeBridge();
  bridge.answer('exchanges.timeline', () => ({ from: 0, to: 0, bucketMs: 1000, buckets: [], total: 0 }));
  let drawn = () => undefined as void;
  const firstScreen = new Promise<void>((resolve) => (drawn = resolve));
  const store = createAppStore();
  connectTimeline(store, bridge, firstScreen);
  const asked = () => bridge.calls.filter((call) => call.name === 'exchanges.timeline').length;
  return { bridge, store, drawn, asked };
}

describe('connectTimeline', () => {
  it('asks for the timeline once the first screen is drawn, not while it is drawn', async () => {
    const { bridge, drawn, asked } = setup();
    bridge.setConnected(true);
    await settle();
    expect(asked()).toBe(0);
    drawn();
    await settle();
    expect(asked()).toBe(1);
  });

  it('asks again at once for a new query', async () => {
    const { bridge, store, drawn, asked } = setup();
    drawn();
    bridge.setConnected(true);
    await settle();
    store.getState().setQuery('status:5xx');
    await settle();
    expect(asked()).toBe(2);
  });

  it('counts a query typed while another was counted at once, and never draws the old count as its', async () => {
    const { bridge, store, drawn, asked } = setup();
    drawn();
    bridge.setConnected(true);
    await settle();
    const counting = bridge.hold('exchanges.timeline', (input) => {
      const { query } = input as { query: string };
      const total = query === 'status:5xx' ? 1 : 0;
      return { from: 0, to: 0, bucketMs: 1000, buckets: [], total };
    });
    store.getState().setQuery('status:5xx');
    await settle();
    store.getState().setQuery('status:4xx');
    await settle();
    counting.release();
    await settle();
    expect(store.getState().timelineQuery).not.toBe('status:4xx');
    expect(asked()).toBe(3);
    counting.release();
    await settle();
    expect(store.getState()).toMatchObject({ timelineQuery: 'status:4xx', timeline: { total: 0 } });
  });
});
