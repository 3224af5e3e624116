import type { CommandInput, ParsedInput } from '../../../shared/contract/commands';
import type { Exchange } from '../../../shared/model/exchange';
import type {
  DeliveryReport,
  ExchangeOktaRecord,
  HookRun,
  OktaProblem,
  OktaState,
  PendingKey,
  PublicHookUrl,
} from '../../../shared/model/okta';
import type { FilterEntry } from '../../../shared/okta/filter/event-filter';
import { toOktaFilter } from '../../../shared/okta/filter/hook-filter-json';
import { CommandError } from '../rpc/command-error';
import { DeliveryCorrelation } from './delivery-correlation';
import { EventHookRegistry } from './event-hook-registry';
import { HookFilters } from './hook-filters';
import type { PointRequest, RunDeps } from './hook-runs';
import { LogPoller } from './log-poller';
import type { OktaOrgDeps } from './okta-org-deps';
import { CoalescedEmitter } from './coalesced-emitter';
import { OktaPrefsStore } from './okta-prefs';
import { connectionView, logsOff, type Session } from './okta-session';
import { ownTokenIds } from './own-token';
import { resendFromLog, type ResendTarget } from './resend';
import { tokenExpiry } from './token-expiry';
import { hookChannel, manualBaseOf, resolvePublicUrl } from './public-url';
import { SignIn } from './sign-in';

const LOOKBACK_MS = 24 * 3600_000;

/**
 * The Okta org integration: connect with an API token or a service app, list and point event
 * hooks, poll the System Log, and set Okta's account of each delivery beside what arrived. Every
 * Okta call goes through `OktaClient`; nothing here is visible to the UI except through `state()`.
 */
export class OktaOrg {
  private session: Session | null = null;
  private lastHookUrl: string | null = null;
  private autoTriedFor: string | null = null;
  private readonly emitter: CoalescedEmitter;
  private readonly eventHooks: EventHookRegistry;
  private readonly correlation: DeliveryCorrelation;
  private readonly poller: LogPoller;
  private readonly signIn: SignIn;
  private readonly filters = new HookFilters();

  private constructor(
    private readonly deps: OktaOrgDeps,
    private readonly prefs: OktaPrefsStore,
  ) {
    this.signIn = new SignIn({ ...deps, prefs });
    this.emitter = new CoalescedEmitter(deps.scheduler, () => deps.onChange(this.state()));
    this.eventHooks = new EventHookRegistry(prefs, () => this.correlation.markChanged());
    this.correlation = new DeliveryCorrelation(
      deps.captures,
      () => this.tracked(),
      () => deps.clock.now(),
      (hookId) => this.filters.of(this.eventHooks.find(hookId)),
    );
    deps.captures.follow(() => this.correlation.logEvents.entries().map((entry) => entry.uuid));
    deps.captures.onChange(() => {
      this.correlation.markChanged();
      this.emitter.soon();
    });
    this.poller = new LogPoller({
      api: () => this.session?.api ?? null,
      hookIds: () => [...this.tracked()].sort(),
      clock: deps.clock,
      scheduler: deps.scheduler,
      intervalMs: deps.pollIntervalMs,
      lookbackMs: LOOKBACK_MS,
      onEvents: (events) => this.received(events),
      onAuthProblem: (problem) => this.failing(problem),
      onStatus: () => this.emitter.soon(),
    });
    this.lastHookUrl = this.publicUrl().hookUrl;
  }

  static async open(deps: OktaOrgDeps): Promise<OktaOrg> {
    const prefs = await OktaPrefsStore.open(deps.dataDir, deps.logger);
    const org = new OktaOrg(deps, prefs);
    const session = await org.signIn.restore();
    if (session !== null) {
      org.begin(session);
      void org
        .refresh()
        .catch((error: unknown) => deps.logger.warn('okta refresh failed', { error: String(error) }));
    }
    return org;
  }

  state(): OktaState {
    const publicUrl = this.publicUrl();
    const domain = this.session?.domain ?? null;
    const hookView = domain
      ? this.eventHooks.view(domain, publicUrl.hookUrl)
      : { hooks: [], hooksAt: null, runs: [] };
    return {
      connection: connectionView(this.session, this.expiry(), this.deps.baseUrlOverride),
      pendingKey: this.signIn.pendingView(),
      publicUrl,
      autoRetarget: this.prefs.current().autoRetarget,
      ...hookView,
      urlChange: domain ? this.eventHooks.urlChange(domain, publicUrl.hookUrl) : null,
      poll: { ...this.poller.status(), events: this.correlation.logEvents.size },
      deliveries: { version: this.correlation.currentVersion(), counts: this.correlation.counts() },
    };
  }

  /** Check the domain and sign-in against Okta, then keep them (the secret in the vault). */
  async connect(input: CommandInput<'okta.connect'>): Promise<OktaState> {
    const session = await this.signIn.check(input);
    this.reset();
    await this.signIn.keep(session);
    this.begin(session);
    await this.refresh();
    return this.state();
  }

  /** A key pair for a service app; the private key never leaves the engine. */
  generateKey(): PendingKey {
    const key = this.signIn.generate();
    this.emitter.now();
    return key;
  }

  async disconnect(): Promise<OktaState> {
    this.reset();
    this.session = null;
    await this.signIn.forget();
    this.emitter.now();
    return this.state();
  }

  async configure(change: CommandInput<'okta.configure'>): Promise<OktaState> {
    if (change.publicBase !== undefined)
      await this.prefs.update({ manualBase: manualBaseOf(change.publicBase) });
    if (change.autoRetarget !== undefined) await this.prefs.update({ autoRetarget: change.autoRetarget });
    this.publicUrlMaybeChanged();
    // Opting in while hooks still call an old URL moves them now.
    this.maybeRetarget();
    this.emitter.now();
    return this.state();
  }

  /** List the hooks and the token's expiry again, and poll the System Log now. */
  async refresh(): Promise<OktaState> {
    const session = this.requireSession();
    const failed = await this.eventHooks.load(session.api, session.domain, this.deps.clock.now());
    session.problem = failed?.problem ?? null;
    if (failed === null && session.login.kind === 'api-token')
      session.apiTokens = await session.api.listApiTokens();
    this.correlation.markChanged();
    this.emitter.now();
    // A poller stopped by a refused token starts again once Okta accepts the token.
    if (failed === null && logsOff(session) === null && this.poller.status().state === 'stopped')
      this.poller.start();
    await this.poller.pollNow();
    // Okta's account is answered beside what the history holds of those events.
    await this.deps.captures.refresh();
    this.maybeRetarget();
    return this.state();
  }

  async point({ hookId, name, eventTypes }: ParsedInput<'okta.hooks.point'>): Promise<HookRun> {
    const session = this.requireSession();
    const request = this.pointRequest({ action: 'point', hookId: hookId ?? null, name, eventTypes });
    const run = await this.eventHooks.point(this.runDeps(session), session.domain, request);
    await this.afterRun();
    return run;
  }

  /** Move every tracked hook still calling an old URL to the current one, and verify again. */
  async retarget(): Promise<HookRun[]> {
    const session = this.requireSession();
    const change = this.eventHooks.urlChange(session.domain, this.publicUrl().hookUrl);
    const runs: HookRun[] = [];
    for (const { id, name } of change?.hooks ?? []) {
      const request = this.pointRequest({ action: 'retarget', hookId: id, name, eventTypes: null });
      runs.push(await this.eventHooks.point(this.runDeps(session), session.domain, request));
    }
    await this.afterRun();
    return runs;
  }

  /** Set (or with null clear) the event filter of a hook calling this inspector. */
  async setFilter(hookId: string, entries: FilterEntry[] | null): Promise<HookRun> {
    const session = this.requireSession();
    const request = this.pointRequest({
      action: 'filter',
      hookId,
      name: '',
      eventTypes: null,
      filter: toOktaFilter(entries),
    });
    const run = await this.eventHooks.setFilter(this.runDeps(session), session.domain, request);
    await this.afterRun();
    return run;
  }

  async retire(hookId: string, remove: boolean): Promise<HookRun> {
    const session = this.requireSession();
    const run = await this.eventHooks.retire(this.runDeps(session), session.domain, hookId, remove);
    await this.afterRun();
    return run;
  }

  deliveries(limit: number): DeliveryReport {
    const poll = this.poller.status();
    return this.correlation.report(limit, poll.lastPolledAt, poll.since);
  }

  recordFor(exchange: Exchange): ExchangeOktaRecord {
    return this.correlation.recordFor(exchange, this.session !== null, this.poller.status().lastPolledAt);
  }

  async resend(uuids: string[], target: ResendTarget): Promise<{ exchangeIds: string[] }> {
    const { domain } = this.requireSession();
    return {
      exchangeIds: await resendFromLog({ ...this.deps, domain }, this.correlation.groups(uuids), target),
    };
  }

  /** The connected org's API client and the public hook URL, for the inline hook registry. */
  connection(): Pick<Session, 'api' | 'domain'> & { hookUrl: string | null } {
    const { api, domain } = this.requireSession();
    return { api, domain, hookUrl: this.publicUrl().hookUrl };
  }

  /** The seam's other half: call whenever the public URL may have changed (tunnel or settings). */
  publicUrlMaybeChanged(): void {
    const { hookUrl } = this.publicUrl();
    if (hookUrl === this.lastHookUrl) return;
    this.lastHookUrl = hookUrl;
    this.correlation.markChanged();
    this.emitter.soon();
    this.maybeRetarget();
  }

  stop(): void {
    this.poller.stop();
    this.emitter.cancel();
  }

  private reset(): void {
    this.poller.stop();
    this.correlation.clear();
    this.eventHooks.reset();
  }

  /** Start following a connected org: its deliveries here, and its System Log if allowed. */
  private begin(session: Session): void {
    this.session = session;
    const off = logsOff(session);
    if (off === null) this.poller.start();
    else this.poller.off(off);
  }

  private publicUrl(): PublicHookUrl {
    const { manualBase } = this.prefs.current();
    return resolvePublicUrl(this.deps.tunnelHookUrl(), manualBase, this.deps.settings.current().hookPath);
  }

  private pointRequest(request: Omit<PointRequest, 'channel'>): PointRequest {
    const { settings } = this.deps;
    return {
      ...request,
      channel: hookChannel(this.publicUrl().hookUrl, settings.current(), settings.secret()),
    };
  }

  private runDeps(session: Session): RunDeps {
    const { clock, newId, captures } = this.deps;
    return { api: session.api, clock, newId, captures, onProgress: () => this.emitter.now() };
  }

  private async afterRun(): Promise<void> {
    this.correlation.markChanged();
    this.emitter.now();
    await this.poller.pollNow();
  }

  private maybeRetarget(): void {
    const session = this.session;
    const change = session ? this.eventHooks.urlChange(session.domain, this.publicUrl().hookUrl) : null;
    if (!change || !this.prefs.current().autoRetarget || this.eventHooks.isRunning()) return;
    if (this.autoTriedFor === change.to) return;
    this.autoTriedFor = change.to;
    void this.retarget().catch((error: unknown) =>
      this.deps.logger.warn('automatic hook update failed', { error: String(error) }),
    );
  }

  private tracked(): ReadonlySet<string> {
    return this.session ? this.eventHooks.tracked(this.session.domain, this.publicUrl().hookUrl) : new Set();
  }

  private received(events: unknown[]): void {
    if (this.correlation.add(events) === 0) return;
    this.emitter.soon();
    void this.deps.captures.refresh();
  }

  private failing(problem: OktaProblem): void {
    if (this.session) this.session.problem = problem;
    this.emitter.now();
  }

  private expiry() {
    const listed = this.session?.apiTokens;
    const own = () => ownTokenIds(this.correlation.logEvents.entries(), this.eventHooks.writes);
    return listed ? tokenExpiry(listed, own(), this.deps.clock.now()) : null;
  }

  private requireSession(): Session {
    if (this.session === null) throw new CommandError('unavailable', 'No Okta org is connected.');
    return this.session;
  }
}
