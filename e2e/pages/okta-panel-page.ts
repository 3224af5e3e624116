import { expect, type Locator, type Page } from '@playwright/test';
import type { JsonWebKey } from 'node:crypto';

/** The Okta org panel: connect, point a hook here, and read Okta's account of deliveries. */
export class OktaPanelPage {
  readonly panel: Locator;
  readonly run: Locator;
  readonly hooks: Locator;
  readonly deliveries: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('okta-panel');
    this.run = this.panel.getByTestId('okta-run');
    this.hooks = this.panel.getByTestId('okta-hook-row');
    this.deliveries = this.panel.getByTestId('okta-delivery-row');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('open-okta').click();
    await expect(this.panel).toBeVisible();
  }

  async close(): Promise<void> {
    await this.panel.getByTestId('okta-close').click();
    await expect(this.panel).toBeHidden();
  }

  /** Fill the connect form for an API token; the caller checks whether Okta accepted it. */
  async connect(domain: string, token: string): Promise<void> {
    await this.panel.getByTestId('okta-domain').fill(domain);
    await this.panel.getByTestId('okta-mode-api-token').click();
    await this.panel.getByTestId('okta-token').fill(token);
    await this.panel.getByTestId('okta-connect-submit').click();
  }

  /** Make a key pair in the app and read the public JWK it shows, as a user copies it. */
  async generateKey(): Promise<JsonWebKey> {
    await this.panel.getByTestId('okta-mode-service-app').click();
    await this.panel.getByTestId('okta-key-generated').click();
    await this.panel.getByTestId('okta-generate-key').click();
    const text = await this.panel.getByTestId('okta-public-jwk').textContent();
    return JSON.parse(text ?? '') as JsonWebKey;
  }

  /** Fill the service app form (the key generated here unless `privateKey`); the caller checks the outcome. */
  async connectServiceApp(
    domain: string,
    clientId: string,
    options: { privateKey?: string; features?: Record<string, boolean> } = {},
  ): Promise<void> {
    await this.panel.getByTestId('okta-domain').fill(domain);
    await this.panel.getByTestId('okta-mode-service-app').click();
    await this.panel.getByTestId('okta-client-id').fill(clientId);
    if (options.privateKey !== undefined) {
      await this.panel.getByTestId('okta-key-pasted').click();
      await this.panel.getByTestId('okta-private-key').fill(options.privateKey);
    }
    for (const [feature, on] of Object.entries(options.features ?? {})) {
      await this.panel.getByTestId(`okta-feature-${feature}`).setChecked(on);
    }
    await this.panel.getByTestId('okta-connect-submit').click();
  }

  async setPublicBase(url: string): Promise<void> {
    const input = this.panel.getByTestId('okta-public-base');
    if (!(await input.isVisible())) await this.panel.getByTestId('okta-public-edit').click();
    await input.fill(url);
    await this.panel.getByTestId('okta-public-save').click();
    await expect(this.panel.getByTestId('okta-public-url')).toContainText(url);
  }

  hook(name: string): Locator {
    return this.hooks.filter({ hasText: name });
  }

  /** Create a hook pointing here with these types (user.session.start is preselected). */
  async createHook(extraTypes: string[], beforeSubmit?: () => Promise<void>): Promise<void> {
    await this.panel.getByTestId('okta-create-hook').click();
    const form = this.panel.getByTestId('okta-point-form');
    for (const type of extraTypes) {
      await form.getByTestId('okta-types-search').fill(type);
      await form.getByTestId('okta-types-matches').getByRole('button', { name: type, exact: true }).click();
    }
    await beforeSubmit?.();
    await form.getByTestId('okta-point-submit').click();
    await expect(form).toBeHidden();
  }

  step(name: string): Locator {
    return this.run.locator(`[data-step="${name}"]`);
  }

  async showDeliveries(): Promise<void> {
    await this.panel.getByTestId('tab-deliveries').click();
  }

  async checkOktaNow(): Promise<void> {
    await this.panel.getByTestId('okta-poll-now').click();
  }

  delivery(uuid: string): Locator {
    return this.panel.locator(`[data-testid="okta-delivery-row"][data-uuid="${uuid}"]`);
  }

  async resendThroughReceiver(uuids: string[]): Promise<void> {
    for (const uuid of uuids) await this.delivery(uuid).getByRole('checkbox').check();
    await this.panel.getByTestId('okta-resend-receiver').click();
    await expect(this.panel).toBeHidden();
  }
}
