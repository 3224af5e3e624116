import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { TunnelBar } from './tunnel-bar';

/** Locators and actions for the inspector UI; specs talk to this, not to selectors. */
export class InspectorPage {
  readonly rows: Locator;
  readonly detail: Locator;
  readonly receiverUrl: Locator;
  readonly tunnel: TunnelBar;
  readonly searchInput: Locator;
  readonly chips: Locator;
  readonly timeline: Locator;
  readonly selectionBar: Locator;
  /** The receiver's state in the top bar, or why the engine cannot be reached. */
  readonly connection: Locator;

  constructor(readonly page: Page) {
    this.tunnel = new TunnelBar(page);
    this.rows = page.getByTestId('exchange-row');
    this.detail = page.getByTestId('detail');
    this.receiverUrl = page.getByTestId('receiver-url');
    this.searchInput = page.getByTestId('search-input');
    this.chips = page.getByTestId('query-chip');
    this.timeline = page.getByTestId('timeline-plot');
    this.selectionBar = page.getByTestId('selection-bar');
    this.connection = page.getByTestId('receiver-state');
  }

  /** Open the headless UI at its Inspector URL (tests that start their own engine). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitUntilReady();
  }

  /** The app marks itself ready once connected and its first snapshot is in. */
  async waitUntilReady(): Promise<void> {
    await expect(this.page.getByTestId('app')).toHaveAttribute('data-app-state', 'ready');
  }

  /** Rows are newest first. */
  row(index: number): Locator {
    return this.rows.nth(index);
  }

  async openRow(index: number): Promise<void> {
    await this.row(index).click();
    await expect(this.detail).toBeVisible();
  }

  async showTab(name: 'events' | 'payload' | 'raw' | 'headers' | 'response' | 'timing'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }

  eventTypes(): Locator {
    return this.detail.getByTestId('okta-event-type');
  }

  /** Open the top bar's More menu, where its secondary actions are. */
  async openMore(): Promise<void> {
    const panel = this.page.getByTestId('more-actions-panel');
    if (!(await panel.isVisible())) await this.page.getByTestId('more-actions').click();
    await expect(panel).toBeVisible();
  }

  /** Send a test delivery from the sample dialog with these types (in order). */
  async sendSample(eventTypes: string[]): Promise<void> {
    await this.openMore();
    await this.page.getByTestId('open-samples').click();
    const dialog = this.page.getByTestId('sample-dialog');
    await dialog
      .getByTestId('featured-types')
      .getByRole('button', { name: 'user.session.start', exact: true })
      .click();
    for (const type of eventTypes) {
      await dialog.getByTestId('sample-search').fill(type);
      await dialog.getByTestId('matching-types').getByRole('button', { name: type, exact: true }).click();
    }
    await dialog.getByTestId('sample-send').click();
    await expect(dialog).toBeHidden();
  }

  /** Choose how the receiver answers deliveries. */
  async choosePreset(
    id: 'accept' | 'timeout' | 'server-error' | 'reject-401' | 'reject-403' | 'reject-400',
  ): Promise<void> {
    await this.page.getByTestId('response-policy').click();
    await this.page.getByTestId(`preset-${id}`).click();
    await expect(this.page.getByTestId('response-policy-panel')).toBeHidden();
  }

  /** Replay the open exchange to `url`, replacing its body with `body` when given. */
  async replayTo(url: string, body?: string): Promise<void> {
    await this.detail.getByTestId('open-replay').click();
    const dialog = this.page.getByTestId('replay-dialog');
    await dialog.getByTestId('replay-target-url').check();
    await dialog.getByTestId('replay-url').fill(url);
    if (body !== undefined) {
      await dialog.getByTestId('replay-edit').click();
      await dialog.getByTestId('replay-body').fill(body);
      await expect(dialog.getByTestId('replay-body-status')).toHaveText('Valid JSON');
    }
    await dialog.getByTestId('replay-send').click();
    await expect(dialog).toBeHidden();
  }

  outcome(index: number): Locator {
    return this.row(index).getByTestId('outcome-badge');
  }

  /** Type a query and apply it at once (Enter), as a user would. */
  async search(query: string): Promise<void> {
    await this.searchInput.fill(query);
    await this.searchInput.press('Enter');
  }

  /** Add a one-click filter from the filter menu, e.g. `status:4xx`. */
  async addFilter(token: string): Promise<void> {
    await this.page.getByTestId('add-filter').click();
    await this.page.locator(`[data-testid="filter-option"][data-filter="${token}"]`).click();
  }

  chip(key: string): Locator {
    return this.chips.and(this.page.locator(`[data-key="${key}"]`));
  }

  async removeChip(key: string): Promise<void> {
    await this.chip(key).getByTestId('remove-chip').click();
  }

  /** Click a row the way a user picks several: plain, with Shift, or with Ctrl. */
  async pick(index: number, modifier?: 'Shift' | 'Control'): Promise<void> {
    await this.row(index).click(modifier ? { modifiers: [modifier] } : {});
  }

  /** Export through the dialog and return the browser's download. */
  async export(options: {
    scope: 'picked' | 'matching' | 'all';
    format: 'har' | 'ndjson';
  }): Promise<Download> {
    const dialog = this.page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId(`export-scope-${options.scope}`).check();
    await dialog.getByTestId(`export-format-${options.format}`).check();
    const download = this.page.waitForEvent('download');
    await dialog.getByTestId('export-start').click();
    return download;
  }

  /** Import a file through the Import button. */
  async importFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles(file);
    await expect(this.page.getByTestId('job').filter({ hasText: `Import ${file.name}` })).toHaveAttribute(
      'data-state',
      'done',
    );
  }

  /** Drag across the timeline from one fraction of its width to another. */
  async dragTimeline(from: number, to: number): Promise<void> {
    const box = await this.timeline.boundingBox();
    if (!box) throw new Error('the timeline is not drawn');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * from, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * ((from + to) / 2), y);
    await this.page.mouse.move(box.x + box.width * to, y);
    await this.page.mouse.up();
  }

  /** Clear the history (the app asks to confirm; the caller answers). */
  async clearAll(): Promise<void> {
    await this.openMore();
    await this.page.getByTestId('clear-all').click();
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    await this.openMore();
    const toggle = this.page.getByTestId('theme-toggle');
    for (let i = 0; i < 3 && (await toggle.textContent()) !== `Theme: ${theme}`; i += 1) await toggle.click();
    await expect(toggle).toHaveText(`Theme: ${theme}`);
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('more-actions-panel')).toBeHidden();
  }
}

/** Read what the page put on the clipboard (the context must grant clipboard-read). */
export const readClipboard = (page: Page): Promise<string> =>
  page.evaluate(() => navigator.clipboard.readText());
