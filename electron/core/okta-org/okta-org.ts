import type { Exchange } from '../../../shared/model/exchange';
import type {
  DeliveryReport,
  ExchangeOktaRecord,
  HookRun,
  OktaProblem,
  OktaState,
  PublicHookUrl,
} from '../../../shared/model/okta';
import { checkOrgDomain, checkPublicBase } from '../../../shared/okta/org-domain';
import { CommandError } from '../rpc/command-error';
import { DeliveryDesk } from './delivery-desk';
import { HookBoard } from './hook-board';
import type { RunDeps } from './hook-runs';
import { LogPoller } from './log-poller';
import type { OktaOrgDeps } from './okta-org-deps';
import { CoalescedEmitter } from './coalesced-emitter';
import { OktaPrefsStore } from './okta-prefs';
import { connectionView, openSession, type Session } from './okta-session';
import { ownTokenIds } from './own-token';
import { resendFromLog, type ResendTarget } from './resend';
import { tokenExpiry } from './token-expiry';
import { commandErrorOf } from './command-failure';
import { hookChannel, resolvePublicUrl } from './public-url';

const LOOKBACK_MS = 24 * 3600_000;

/**
 * The Okta org integration: connect with an API token, list and point event hooks, poll the
 * System Log, and set Okta's account of each delivery beside what arrived. Every Okta call
 * goes through `OktaClient`; nothing here is visible to the UI except through `state()`.
 */
export class OktaOrg {
  private session: Session | null = null;
  private lastHookUrl: string | null = null;
  private autoTriedFor: string | null = null;
  private readonly emitter: CoalescedEmitter;
  private readonly board: HookBoard;
  private readonly desk: DeliveryDesk;
  private readonly poller: LogPoller;

  private constructor(
    private readonly deps: OktaOrgDeps,
    private readonly prefs: OktaPrefsStore,
  ) {
    this.emitter = new CoalescedEmitter(deps.scheduler, () => deps.onChange(this.state()));
    this.board = new HookBoard(prefs, () => this.desk.touch());
    this.desk = new DeliveryDesk(
      deps.captures,
      () => this.tracked(),
      () => deps.clock.now(),
    );
    deps.captures.onChange(() => {
      this.desk.touch();
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
    const { domain } = prefs.current();
    const token = await deps.vault.get('oktaApiToken');
    if (domain !== null && token !== null) {
      org.begin(openSession(domain, token, deps.clock, deps.baseUrlOverride));
      void org
        .refresh()
        .catch((error: unknown) => deps.logger.warn('okta refresh failed', { error: String(error) }));
    }
    return org;
  }

  state(): OktaState {
    const publicUrl = this.publicUrl();
    const domain = this.session?.domain ?? null;
    const board = domain
      ? this.board.view(domain, publicUrl.hookUrl)
      : { hooks: [], hooksAt: null, runs: [] };
    return {
      connection: connectionView(this.session, this.expiry(), this.deps.baseUrlOverride),
      publicUrl,
      autoRetarget: this.prefs.current().autoRetarget,
      ...board,
      urlChange: domain ? this.board.urlChange(domain, publicUrl.hookUrl) : null,
      poll: { ...this.poller.status(), events: this.desk.book.size },
      deliveries: { version: this.desk.currentVersion(), counts: this.desk.counts() },
    };
  }

  /** Check the domain and token against Okta, then keep them (the token in the vault). */
  async connect(domainInput: string, token: string): Promise<OktaState> {
    const domain = checkOrgDomain(domainInput);
    if (!domain.ok) throw new CommandError('invalid-input', domain.message);
    const session = openSession(domain.url, token, this.deps.clock, this.deps.baseUrlOverride);
    const listed = await session.api.listHooks();
    if (!listed.ok) throw commandErrorOf(listed.problem);
    this.poller.stop();
    this.desk.clear();
    this.board.reset();
    await this.deps.vault.set('oktaApiToken', session.token);
    await this.prefs.update({ domain: session.domain });
    this.begin(session);
    await this.refresh();
    return this.state();
  }

  async disconnect(): Promise<OktaState> {
    this.poller.stop();
    this.deps.captures.deactivate();
    this.session = null;
    this.desk.clear();
    this.board.reset();
    await this.deps.vault.set('oktaApiToken', null);
    await this.prefs.update({ domain: null });
    this.emitter.now();
    return this.state();
  }

  async configure(change: {
    publicBase?: string | null | undefined;
    autoRetarget?: boolean | undefined;
  }): Promise<OktaState> {
    if (change.publicBase !== undefined) {
      const checked = change.publicBase === null ? null : checkPublicBase(change.publicBase);
      if (checked && !checked.ok) throw new CommandError('invalid-input', checked.message);
      await this.prefs.update({ manualBase: checked?.url ?? null });
    }
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
    const failed = await this.board.load(session.api, session.domain, this.deps.clock.now());
    session.problem = failed?.problem ?? null;
    if (failed === null) session.tokens = await session.api.listApiTokens();
    this.desk.touch();
    this.emitter.now();
    // A poller stopped by a refused token starts again once Okta accepts the token.
    if (failed === null && this.poller.status().state === 'stopped') this.poller.start();
    await this.poller.pollNow();
    this.maybeRetarget();
    return this.state();
  }

  async point(input: { hookId?: string | undefined; name: string; eventTypes: string[] }): Promise<HookRun> {
    const session = this.requireSession();
    const run = await this.board.point(this.runDeps(session), session.domain, {
      action: 'point',
      hookId: input.hookId ?? null,
      name: input.name,
      eventTypes: input.eventTypes,
      channel: this.channel(),
    });
    await this.afterRun();
    return run;
  }

  /** Move every tracked hook still calling an old URL to the current one, and verify again. */
  async retarget(): Promise<HookRun[]> {
    const session = this.requireSession();
    const change = this.board.urlChange(session.domain, this.publicUrl().hookUrl);
    const runs: HookRun[] = [];
    for (const { id, name } of change?.hooks ?? []) {
      const request = {
        action: 'retarget',
        hookId: id,
        name,
        eventTypes: null,
        channel: this.channel(),
      } as const;
      runs.push(await this.board.point(this.runDeps(session), session.domain, request));
    }
    await this.afterRun();
    return runs;
  }

  async retire(hookId: string, remove: boolean): Promise<HookRun> {
    const session = this.requireSession();
    const run = await this.board.retire(this.runDeps(session), session.domain, hookId, remove);
    await this.afterRun();
    return run;
  }

  deliveries(limit: number): DeliveryReport {
    const poll = this.poller.status();
    return this.desk.report(limit, poll.lastPolledAt, poll.since);
  }

  recordFor(exchange: Exchange): ExchangeOktaRecord {
    return this.desk.recordFor(exchange, this.session !== null, this.poller.status().lastPolledAt);
  }

  async resend(uuids: string[], target: ResendTarget): Promise<{ exchangeIds: string[] }> {
    const { domain } = this.requireSession();
    const groups = this.desk.groups(uuids);
    return { exchangeIds: await resendFromLog({ ...this.deps, domain }, groups, target) };
  }

  /** The seam's other half: call whenever the public URL may have changed (tunnel or settings). */
  publicUrlMaybeChanged(): void {
    const { hookUrl } = this.publicUrl();
    if (hookUrl === this.lastHookUrl) return;
    this.lastHookUrl = hookUrl;
    this.desk.touch();
    this.emitter.soon();
    this.maybeRetarget();
  }

  stop(): void {
    this.poller.stop();
    this.emitter.cancel();
  }

  /** Start following a connected org: its deliveries here, and its System Log. */
  private begin(session: Session): void {
    this.session = session;
    const { store, clock } = this.deps;
    const since = clock.now() - LOOKBACK_MS;
    const recent = store.list({ limit: 5000 }).items.filter((summary) => summary.receivedAt >= since);
    this.deps.captures.activate(recent, (id) => store.get(id));
    this.poller.start();
  }

  private publicUrl(): PublicHookUrl {
    const { manualBase } = this.prefs.current();
    return resolvePublicUrl(this.deps.tunnelHookUrl(), manualBase, this.deps.settings.current().hookPath);
  }

  private channel() {
    const { settings } = this.deps;
    return hookChannel(this.publicUrl().hookUrl, settings.current(), settings.secret());
  }

  private runDeps(session: Session): RunDeps {
    const { clock, newId, captures } = this.deps;
    return { api: session.api, clock, newId, captures, onProgress: () => this.emitter.now() };
  }

  private async afterRun(): Promise<void> {
    this.desk.touch();
    this.emitter.now();
    await this.poller.pollNow();
  }

  private maybeRetarget(): void {
    const session = this.session;
    const change = session ? this.board.urlChange(session.domain, this.publicUrl().hookUrl) : null;
    if (!change || !this.prefs.current().autoRetarget || this.board.isRunning()) return;
    if (this.autoTriedFor === change.to) return;
    this.autoTriedFor = change.to;
    void this.retarget().catch((error: unknown) =>
      this.deps.logger.warn('automatic hook update failed', { error: String(error) }),
    );
  }

  private tracked(): ReadonlySet<string> {
    return this.session ? this.board.tracked(this.session.domain, this.publicUrl().hookUrl) : new Set();
  }

  private received(events: unknown[]): void {
    if (this.desk.add(events) > 0) this.emitter.soon();
  }

  private failing(problem: OktaProblem): void {
    if (this.session) this.session.problem = problem;
    this.emitter.now();
  }

  private expiry() {
    if (this.session?.tokens == null) return null;
    const own = ownTokenIds(this.desk.book.entries(), this.board.writes);
    return tokenExpiry(this.session.tokens, own, this.deps.clock.now());
  }

  private requireSession(): Session {
    if (this.session === null) throw new CommandError('unavailable', 'No Okta org is connected.');
    return this.session;
  }
}
