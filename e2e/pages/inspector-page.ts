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

  async open(url: string): Promise<void> {
    await this.page.goto(url);
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
}

/** Read what the page put on the clipboard (the context must grant clipboard-read). */
export const readClipboard = (page: Page): Promise<string> =>
  page.evaluate(() => navigator.clipboard.readText());
