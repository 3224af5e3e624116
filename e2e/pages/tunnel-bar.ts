import { expect, type Locator, type Page } from '@playwright/test';

type TunnelState = 'off' | 'starting' | 'online' | 'reconnecting' | 'error';

/** The public URL bar: provider, state, the hook URL to paste into Okta. */
export class TunnelBar {
  readonly root: Locator;
  readonly hookUrl: Locator;
  readonly message: Locator;
  readonly manualUrl: Locator;
  readonly oktaHelper: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('tunnel-bar');
    this.hookUrl = this.root.getByTestId('public-hook-url');
    this.message = this.root.getByTestId('tunnel-message');
    this.manualUrl = this.root.getByTestId('manual-url-input');
    this.oktaHelper = this.root.getByTestId('okta-helper');
  }

  async expectState(state: TunnelState): Promise<void> {
    await expect(this.root).toHaveAttribute('data-tunnel-state', state);
  }

  async chooseProvider(provider: 'ngrok' | 'manual' | 'none'): Promise<void> {
    await this.root.getByTestId(`tunnel-provider-${provider}`).click();
    await expect(this.root).toHaveAttribute('data-tunnel-provider', provider);
  }

  /** Use your own tunnel: paste its URL and start. */
  async startManual(publicUrl: string): Promise<void> {
    await this.chooseProvider('manual');
    await this.manualUrl.fill(publicUrl);
    await this.start();
  }

  async start(): Promise<void> {
    await this.root.getByTestId('tunnel-start').click();
  }

  async stop(): Promise<void> {
    await this.root.getByTestId('tunnel-stop').click();
  }

  async copyHookUrl(): Promise<void> {
    const button = this.root.getByTestId('copy-public-hook-url');
    await button.click();
    await expect(button).toHaveAttribute('data-copy-state', 'copied');
  }

  async copySecret(): Promise<void> {
    const button = this.root.getByTestId('copy-hook-secret');
    await button.click();
    await expect(button).toHaveAttribute('data-copy-state', 'copied');
  }
}
