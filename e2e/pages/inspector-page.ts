import { expect, type Locator, type Page } from '@playwright/test';

/** Locators and actions for the inspector UI; specs talk to this, not to selectors. */
export class InspectorPage {
  readonly rows: Locator;
  readonly detail: Locator;
  readonly receiverUrl: Locator;

  constructor(readonly page: Page) {
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
