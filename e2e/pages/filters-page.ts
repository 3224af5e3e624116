import { expect, type Locator, type Page } from '@playwright/test';

/** The event hook filters dialog: write a filter, try it on captured events, save it, set it on a hook. */
export class FiltersPage {
  readonly dialog: Locator;
  readonly expression: Locator;
  readonly check: Locator;
  readonly summary: Locator;
  readonly events: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('filters-dialog');
    this.expression = this.dialog.getByTestId('filter-expression').first();
    this.check = this.dialog.getByTestId('filter-check').first();
    this.summary = this.dialog.getByTestId('filter-preview-summary').first();
    this.events = this.dialog.getByTestId('filter-preview-event');
  }

  async open(): Promise<void> {
    const more = this.page.getByTestId('more-actions-panel');
    if (!(await more.isVisible())) await this.page.getByTestId('more-actions').click();
    await this.page.getByTestId('open-filters').click();
    await expect(this.dialog).toBeVisible();
  }

  item(name: string): Locator {
    return this.dialog.locator(`[data-testid="filter-item"][data-name="${name}"]`);
  }

  completion(label: string): Locator {
    return this.dialog.getByTestId('filter-completion').filter({ hasText: label });
  }

  async write(name: string, eventType: string, expression: string): Promise<void> {
    await this.dialog.getByTestId('filter-name').fill(name);
    await this.dialog.getByTestId('filter-event-type').first().fill(eventType);
    await this.expression.fill(expression);
  }
}
