import { expect, freshDelivery, SECRET, test } from '../fixtures';
import { olderHarFile } from '../older-har';
import { chartLabelProblems } from '../pages/layout-probe';

const SESSION = '01-user-session-start.json';
const BATCH = '02-batch-mixed-3-events.json';
const FAILURE = '03-outcome-failure-user-session-start.json';

test('should find exchanges by text and filters, shown as removable chips', async ({ okta, inspector }) => {
  for (const name of [SESSION, BATCH, FAILURE])
    expect((await okta.deliver(freshDelivery(name))).status).toBe(204);
  expect((await okta.deliver(freshDelivery(SESSION), 'Basic wrong')).status).toBe(401);
  await expect(inspector.rows).toHaveCount(4);

  await inspector.search('maria.lopez');
  await expect(inspector.rows).toHaveCount(3);
  await expect(inspector.chip('text')).toContainText('maria.lopez');

  await inspector.addFilter('status:4xx');
  await expect(inspector.rows).toHaveCount(1);
  await expect(inspector.row(0)).toHaveAttribute('data-status', '401');
  await expect(inspector.chips).toHaveCount(2);
  await expect(inspector.page.getByTestId('list-count')).toContainText('1 of 4 match');

  await inspector.removeChip('text');
  await expect(inspector.chips).toHaveCount(1);
  await expect(inspector.rows).toHaveCount(1);
  await inspector.removeChip('status');
  await expect(inspector.rows).toHaveCount(4);
  await expect(inspector.searchInput).toHaveValue('');

  await inspector.search('status:abc');
  await expect(inspector.page.locator('.qchip--problem')).toHaveAttribute('title', /not a status class/);
  await expect(inspector.rows).toHaveCount(4);
});

test('should complete event types and let only matching live deliveries into a filtered list', async ({
  okta,
  inspector,
}) => {
  await okta.deliver(freshDelivery(BATCH));
  await expect(inspector.rows).toHaveCount(1);
  await inspector.searchInput.fill('type:user.sess');
  await expect(inspector.page.getByTestId('suggestions')).toContainText('user.session.start');
  await inspector.searchInput.press('Tab');
  await expect(inspector.searchInput).toHaveValue('type:user.session.start ');
  await inspector.searchInput.press('Enter');
  await expect(inspector.page.getByTestId('no-matches')).toBeVisible();

  await okta.deliver(freshDelivery(BATCH));
  await okta.deliver(freshDelivery(SESSION));
  await okta.deliver(freshDelivery(BATCH));
  await okta.deliver(freshDelivery(FAILURE));
  await expect(inspector.rows).toHaveCount(2);
  await expect(inspector.rows.filter({ hasText: 'user.lifecycle.create' })).toHaveCount(0);
  await expect(inspector.page.getByTestId('list-count')).toContainText('2 of 5 match');
});

test('should filter to a window dragged across the timeline', async ({ okta, inspector }) => {
  for (const name of [SESSION, BATCH, FAILURE]) await okta.deliver(freshDelivery(name), SECRET);
  await expect(inspector.rows).toHaveCount(3);
  await expect(inspector.timeline).toBeVisible();

  // The strip ends now: these deliveries are at its right end, its left half is empty.
  await inspector.dragTimeline(0.02, 0.4);
  await expect(inspector.chip('after')).toBeVisible();
  await expect(inspector.chip('before')).toBeVisible();
  await expect(inspector.page.getByTestId('no-matches')).toBeVisible();

  await inspector.page.getByTestId('timeline-reset').click();
  await expect(inspector.chips).toHaveCount(0);
  await expect(inspector.rows).toHaveCount(3);

  await inspector.dragTimeline(0.5, 1);
  await expect(inspector.rows).toHaveCount(3);
  await expect(inspector.chip('after')).toBeVisible();
});

test('should say the seconds of a window shorter than a minute, on one line at 1024 px', async ({
  okta,
  inspector,
}) => {
  await inspector.page.setViewportSize({ width: 1024, height: 640 });
  for (const name of [SESSION, BATCH, FAILURE]) await okta.deliver(freshDelivery(name), SECRET);
  await expect(inspector.rows).toHaveCount(3);
  await inspector.dragTimeline(0.6, 1);
  await expect(inspector.rows).toHaveCount(3);
  const range = inspector.page.getByTestId('timeline-range');
  await expect(range).toHaveText(/^\S+ (\d\d:\d\d:\d\d) – (?!\1$)\d\d:\d\d:\d\d$/);
  // The strip's head stays one line: its title and range unbroken, Show all times beside them.
  const box = async (part: string) =>
    (await inspector.page.locator(part).boundingBox()) ?? { y: 0, height: 99 };
  const [title, shown, reset] = await Promise.all(
    ['.timeline__title', '[data-testid="timeline-range"]', '[data-testid="timeline-reset"]'].map(box),
  );
  for (const part of [title, shown]) expect(part?.height).toBeLessThan(20);
  const middle = (part: { y: number; height: number } | undefined) =>
    (part?.y ?? 0) + (part?.height ?? 0) / 2;
  expect(Math.abs(middle(reset) - middle(title))).toBeLessThan(2);
  expect(Math.abs(middle(shown) - middle(title))).toBeLessThan(2);
});

test('should keep the timeline’s labels readable, clear of the bars and of each other', async ({
  okta,
  inspector,
}) => {
  // A delivery from three days ago draws a bar at the strip's left edge, where the labels are.
  await inspector.importFile(olderHarFile());
  await okta.deliver(freshDelivery(SESSION));
  await expect(inspector.rows).toHaveCount(2);
  await expect(inspector.page.getByTestId('timeline-range')).toHaveText(/^\S+ \S+ – \d{4}-/);
  const first = inspector.timeline.locator('.tl-bar').first();
  await expect(first).toBeVisible();
  const [bar, plot] = [await first.boundingBox(), await inspector.timeline.boundingBox()];
  expect((bar?.x ?? 0) - (plot?.x ?? 0), 'the oldest bar is at the left edge').toBeLessThan(40);
  expect(
    await chartLabelProblems(inspector.page, '[data-testid="timeline-plot"]', '.tl-bar, .tl-latency'),
  ).toEqual([]);
  // Counts and answer times are two scales: the 3 s label sits in the latency lane, the count above it.
  const lane = await inspector.page.getByTestId('timeline-latency-lane').boundingBox();
  const [count, limit] = await inspector.page.getByTestId('timeline-label').all();
  const [countBox, limitBox] = [await count!.boundingBox(), await limit!.boundingBox()];
  expect(countBox!.y + countBox!.height).toBeLessThanOrEqual(lane!.y);
  expect(limitBox!.y).toBeGreaterThanOrEqual(lane!.y - 1);
  expect(limitBox!.y + limitBox!.height).toBeLessThanOrEqual(lane!.y + lane!.height + 1);
});

test('should call what the timeline counts requests, a verification apart from deliveries', async ({
  okta,
  inspector,
}) => {
  await okta.verify('timeline');
  await okta.deliver(freshDelivery(SESSION));
  await expect(inspector.rows).toHaveCount(2);
  const strip = inspector.page.getByTestId('timeline');
  await expect(strip.locator('.timeline__title')).toHaveText(/^Requests per /);
  await expect(strip.getByRole('list', { name: 'Legend' })).toContainText('verification/other');
});
