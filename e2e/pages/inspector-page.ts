import { expect, type Locator, type Page } from '@playwright/test';
import { TunnelBar } from './tunnel-bar';

/** Locators and actions for the inspector UI; specs talk to this, not to selectors. */
export class InspectorPage {
  readonly rows: Locator;
  readonly detail: Locator;
  readonly receiverUrl: Locator;
  readonly tunnel: TunnelBar;

  constructor(readonly page: Page) {
    this.tunnel = new TunnelBar(page);
    this.rows = page.getByTestId('exchange-row');
    this.detail = page.getByTestId('detail');
    this.receiverUrl = page.getByTestId('receiver-url');
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

  /** Send a test delivery from the sample dialog with these types (in order). */
  async sendSample(eventTypes: string[]): Promise<void> {
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
}

/** Read what the page put on the clipboard (the context must grant clipboard-read). */
export const readClipboard = (page: Page): Promise<string> =>
  page.evaluate(() => navigator.clipboard.readText());
