import type { CommandInput } from '../../../shared/contract/commands';
import type { Exchange } from '../../../shared/model/exchange';
import type { InlineHookKind, InlineRequestType } from '../../../shared/model/inline';
import type { InlinePreview, OktaInlineHook, OktaInlineState } from '../../../shared/model/okta-inline';
import { hookEventType, INLINE_HOOKS, inlineType } from '../../../shared/okta/inline/catalog';
import { asText, type JsonRecord } from '../../../shared/okta/json-access';
import type { Clock } from '../deps';
import { CommandError } from '../rpc/command-error';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore } from '../store/exchange-store';
import { InlineHookApi, type ListedInlineHook } from './inline-hook-api';
import type { OktaClient } from './okta-client';
import { okOrThrow, previewVerdict } from './inline-preview';

const KEPT_PREVIEWS = 10;

export interface InlineHookRegistryDeps {
  /** The connected org's client, domain and public event hook URL; throws when no org is connected. */
  org(): { api: { client: OktaClient }; domain: string; hookUrl: string | null };
  settings: SettingsStore;
  basePath(): string;
  sample(type: InlineRequestType): JsonRecord;
  store: ExchangeStore;
  clock: Clock;
}

/**
 * The org's inline hooks: listed, pointed at the receiver's public URL for their type (HTTP
 * header auth with the hook secret, like the event hook), switched on and off, removed, and
 * previewed through Okta's `/execute`.
 */
export class InlineHookRegistry {
  /** The org the hooks and previews below belong to. */
  private domain: string | null = null;
  private hooks: ListedInlineHook[] = [];
  private loadedAt: number | null = null;
  private previews: InlinePreview[] = [];

  constructor(private readonly deps: InlineHookRegistryDeps) {}

  state(): OktaInlineState {
    if (this.domain !== this.currentDomain()) this.reset();
    const publicUrls = this.publicUrls();
    const hooks: OktaInlineHook[] = this.hooks.map((hook) => ({
      ...hook,
      pointsHere: hook.hook !== null && hook.uri === publicUrls[hook.hook],
    }));
    return { hooks, loadedAt: this.loadedAt, previews: this.previews, publicUrls };
  }

  private reset(): void {
    this.domain = this.currentDomain();
    this.hooks = [];
    this.loadedAt = null;
    this.previews = [];
  }

  async load(): Promise<OktaInlineState> {
    const listed = okOrThrow(await this.api().list());
    if (this.domain !== this.currentDomain()) this.reset();
    this.hooks = listed;
    this.loadedAt = this.deps.clock.now();
    return this.state();
  }

  async point({ hook, hookId, name }: CommandInput<'okta.inlineHooks.point'>): Promise<OktaInlineHook> {
    const uri = this.publicUrls()[hook];
    if (uri === undefined)
      throw new CommandError(
        'unavailable',
        'There is no public URL yet: start the tunnel, or enter its URL.',
      );
    const body = this.hookBody(hook, uri, name ?? `Okta Hook Inspector: ${inlineType(hook).label}`);
    const saved = okOrThrow(
      hookId === undefined ? await this.api().create(body) : await this.api().replace(hookId, body),
    );
    await this.load();
    return this.state().hooks.find((h) => h.id === saved.id) ?? { ...saved, pointsHere: true };
  }

  async lifecycle({ hookId, action }: CommandInput<'okta.inlineHooks.lifecycle'>): Promise<OktaInlineState> {
    const api = this.api();
    if (action !== 'delete') okOrThrow(await api.lifecycle(hookId, action));
    else {
      if (this.hooks.find((h) => h.id === hookId)?.status !== 'INACTIVE')
        okOrThrow(await api.lifecycle(hookId, 'deactivate'));
      okOrThrow(await api.remove(hookId));
    }
    return this.load();
  }

  /** Okta calls the hook with a sample; its verdict is set beside the call the receiver recorded. */
  async preview({ hookId, type }: CommandInput<'okta.inlineHooks.preview'>): Promise<InlinePreview> {
    const hook =
      this.hooks.find((h) => h.id === hookId) ?? (await this.load()).hooks.find((h) => h.id === hookId);
    if (hook?.hook == null)
      throw new CommandError('not-found', `No inline hook ${hookId} of a type the inspector knows.`);
    const chosen = type ?? hook.hook;
    if (inlineType(chosen).hook !== hook.hook)
      throw new CommandError(
        'invalid-input',
        `A ${inlineType(hook.hook).label} hook cannot be called with a ${inlineType(chosen).label} request.`,
      );
    const sample = this.deps.sample(chosen);
    const result = await this.api().execute(hookId, sample);
    const exchange = await this.captured(asText(sample.eventId));
    const preview: InlinePreview = {
      hookId,
      type: chosen,
      at: this.deps.clock.now(),
      okta: previewVerdict(result),
      exchangeId: exchange?.id ?? null,
      inspector: exchange?.inline?.verdict ?? null,
    };
    this.previews = [preview, ...this.previews].slice(0, KEPT_PREVIEWS);
    return preview;
  }

  private currentDomain(): string | null {
    try {
      return this.deps.org().domain;
    } catch {
      return null;
    }
  }

  private api(): InlineHookApi {
    return new InlineHookApi(this.deps.org().api.client);
  }

  /** `<public base><inline base path>/<hook>`, derived from the public event hook URL. */
  private publicUrls(): Partial<Record<InlineHookKind, string>> {
    let hookUrl: string | null;
    try {
      hookUrl = this.deps.org().hookUrl;
    } catch {
      return {};
    }
    const hookPath = this.deps.settings.current().hookPath;
    if (hookUrl === null || !hookUrl.endsWith(hookPath)) return {};
    const base = `${hookUrl.slice(0, -hookPath.length)}${this.deps.basePath().replace(/\/+$/, '')}`;
    return Object.fromEntries(INLINE_HOOKS.map((hook) => [hook, `${base}/${hook}`]));
  }

  private hookBody(hook: InlineHookKind, uri: string, name: string): Record<string, unknown> {
    const settings = this.deps.settings.current();
    const secret = this.deps.settings.secret();
    const config: Record<string, unknown> = {
      uri,
      method: 'POST',
      headers: settings.requiredHeaders.map(({ name: key, value }) => ({ key, value })),
      ...(secret ? { authScheme: { type: 'HEADER', key: settings.authHeader, value: secret } } : {}),
    };
    if (!secret && hook === 'telephony')
      throw new CommandError(
        'invalid-input',
        'Okta requires header auth for telephony hooks: set the hook secret first.',
      );
    return {
      name,
      type: hookEventType(hook),
      version: '1.0.0',
      channel: { type: 'HTTP', version: '1.0.0', config },
    };
  }

  /** The receiver stores a call before it answers, so Okta's call is in the store by now. */
  private async captured(eventId: string | undefined): Promise<Exchange | null> {
    if (eventId === undefined) return null;
    const page = await this.deps.store.list({ limit: 50, query: 'kind:inline' });
    const match = page.items.find((summary) => summary.eventId === eventId);
    return match ? ((await this.deps.store.get(match.id)) ?? null) : null;
  }
}
