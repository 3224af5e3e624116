import type { Locator, Page } from '@playwright/test';

/** The inline hooks panel and the breakpoint dialog, as a user works them. */
export class InlinePanelPage {
  readonly panel: Locator;
  readonly editor: Locator;
  readonly breakpoint: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('inline-panel');
    this.editor = this.panel.getByTestId('inline-editor');
    this.breakpoint = page.getByTestId('breakpoint');
  }

  async open(type: string): Promise<void> {
    await this.page.getByTestId('open-inline').click();
    await this.panel.getByTestId(`inline-type-${type}`).click();
    await this.editor.and(this.page.locator(`[data-type="${type}"]`)).waitFor();
  }

  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Close' }).click();
  }

  async setTemplate(text: string): Promise<void> {
    await this.editor.getByTestId('inline-template').fill(text);
  }

  templateVerdict(): Locator {
    return this.editor.getByTestId('template-verdict-summary');
  }

  async chooseMode(mode: 'template' | 'forward' | 'breakpoint'): Promise<void> {
    await this.editor.getByTestId(`inline-mode-${mode}`).check();
  }

  async save(): Promise<void> {
    await this.editor.getByTestId('inline-save').click();
    await this.editor.getByTestId('inline-message').filter({ hasText: 'Saved.' }).waitFor();
  }
}
