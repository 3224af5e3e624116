import type { HookRun, OktaHook, UrlChange } from '../../../shared/model/okta';
import type { DecodedHook } from '../../../shared/okta/event-hook';
import { fromOktaFilter } from '../../../shared/okta/filter/hook-filter-json';
import { CommandError } from '../rpc/command-error';
import type { OktaApi } from './okta-api';
import type { OktaFailure } from './okta-client';
import type { OktaPrefsStore, OrgMemory } from './okta-prefs';
import { pointHook, retireHook, type PointRequest, type RunDeps, type RunResult } from './hook-runs';

const KEPT_RUNS = 6;

/** Hooks the inspector changed, and when: the System Log then names the token that did it. */
export interface OwnWrite {
  hookId: string;
  at: number;
}

/**
 * The org's event hooks as last listed, the runs that change them (one at a time), and what
 * the inspector remembers about them (created here, tracked).
 */
export class EventHookRegistry {
  private hooks: DecodedHook[] = [];
  private loadedAt: number | null = null;
  private runs: HookRun[] = [];
  private running = false;
  readonly writes: OwnWrite[] = [];

  constructor(
    private readonly prefs: OktaPrefsStore,
    private readonly changed: () => void,
  ) {}

  reset(): void {
    this.hooks = [];
    this.loadedAt = null;
    this.runs = [];
  }

  async load(api: OktaApi, domain: string, now: number): Promise<OktaFailure | null> {
    const listed = await api.listHooks();
    if (!listed.ok) return listed;
    this.hooks = listed.value;
    this.loadedAt = now;
    // Forget hooks deleted elsewhere.
    const present = new Set(listed.value.map((hook) => hook.id));
    const memory = this.prefs.memory(domain);
    if ([...memory.createdHere, ...memory.tracked].some((id) => !present.has(id))) {
      await this.prefs.remember(domain, (m) => ({
        createdHere: m.createdHere.filter((id) => present.has(id)),
        tracked: m.tracked.filter((id) => present.has(id)),
      }));
    }
    this.changed();
    return null;
  }

  find(id: string): DecodedHook | undefined {
    return this.hooks.find((hook) => hook.id === id);
  }

  /** Hooks followed in the System Log: pointed here by the inspector, or pointing here. */
  tracked(domain: string, hookUrl: string | null): Set<string> {
    const pointing = this.hooks.filter((hook) => hookUrl !== null && hook.uri === hookUrl).map((h) => h.id);
    return new Set([...this.prefs.memory(domain).tracked, ...pointing]);
  }

  view(
    domain: string,
    hookUrl: string | null,
  ): { hooks: OktaHook[]; hooksAt: number | null; runs: HookRun[] } {
    const memory = this.prefs.memory(domain);
    const tracked = this.tracked(domain, hookUrl);
    const hooks = this.hooks.map(
      ({
        id,
        name,
        status,
        verificationStatus,
        uri,
        eventTypes,
        authHeader,
        headers,
        filter,
        lastUpdated,
      }) => ({
        id,
        name,
        status,
        verificationStatus,
        uri,
        eventTypes,
        authHeader,
        headers,
        filter: fromOktaFilter(filter),
        lastUpdated,
        createdHere: memory.createdHere.includes(id),
        pointsHere: hookUrl !== null && uri === hookUrl,
        tracked: tracked.has(id),
      }),
    );
    return { hooks, hooksAt: this.loadedAt, runs: this.runs };
  }

  /** Hooks the inspector pointed here that still call another URL. */
  urlChange(domain: string, hookUrl: string | null): UrlChange | null {
    if (hookUrl === null) return null;
    const memory = this.prefs.memory(domain);
    const stale = this.hooks.filter((hook) => memory.tracked.includes(hook.id) && hook.uri !== hookUrl);
    if (stale.length === 0) return null;
    return { to: hookUrl, hooks: stale.map(({ id, name, uri }) => ({ id, name, uri })) };
  }

  isRunning(): boolean {
    return this.running;
  }

  async point(deps: RunDeps, domain: string, request: PointRequest): Promise<HookRun> {
    const result = await this.exclusive(deps, () => pointHook(this.progress(deps), request));
    const id = result.run.hookId;
    if (id !== null && result.hook !== null) {
      await this.prefs.remember(domain, (m) => remember(m, id, request.hookId === null));
    }
    return result.run;
  }

  /**
   * Set (or clear) a hook's event filter with a full replace: only a hook calling this
   * receiver, whose secret the inspector holds (Okta never returns it).
   */
  async setFilter(deps: RunDeps, domain: string, request: PointRequest): Promise<HookRun> {
    const hook = request.hookId === null ? undefined : this.find(request.hookId);
    if (!hook)
      throw new CommandError('not-found', `The org has no event hook ${request.hookId} (refresh the list).`);
    if (!this.tracked(domain, request.channel.uri).has(hook.id) || hook.uri !== request.channel.uri) {
      throw new CommandError(
        'invalid-input',
        `${hook.name} does not call this inspector: point it here first, or change its filter in the Admin Console.`,
      );
    }
    return (await this.exclusive(deps, () => pointHook(this.progress(deps), request))).run;
  }

  async retire(deps: RunDeps, domain: string, id: string, remove: boolean): Promise<HookRun> {
    const hook = this.find(id);
    if (!hook) throw new CommandError('not-found', `The org has no event hook ${id} (refresh the list).`);
    if (!this.prefs.memory(domain).createdHere.includes(id)) {
      throw new CommandError(
        'invalid-input',
        'The inspector only deactivates and deletes hooks it created; change others in the Admin Console.',
      );
    }
    const result = await this.exclusive(deps, () => retireHook(this.progress(deps), hook, remove));
    if (remove && result.hook === null && result.run.outcome === 'ok') {
      await this.prefs.remember(domain, (m) => ({
        createdHere: m.createdHere.filter((known) => known !== id),
        tracked: m.tracked.filter((known) => known !== id),
      }));
    }
    return result.run;
  }

  private progress(deps: RunDeps): RunDeps {
    return {
      ...deps,
      onProgress: (run) => {
        this.runs = [run, ...this.runs.filter((known) => known.id !== run.id)].slice(0, KEPT_RUNS);
        deps.onProgress(run);
      },
    };
  }

  private async exclusive(deps: RunDeps, work: () => Promise<RunResult>): Promise<RunResult> {
    if (this.running) throw new CommandError('conflict', 'Another change to the org is still running.');
    this.running = true;
    try {
      const result = await work();
      if (result.run.hookId !== null) this.writes.push({ hookId: result.run.hookId, at: deps.clock.now() });
      this.store(result);
      return result;
    } finally {
      this.running = false;
      this.changed();
    }
  }

  /** Keep the list as Okta last described each hook (a failed read changes nothing). */
  private store({ run, hook }: RunResult): void {
    const deleted = run.action === 'delete' && run.outcome === 'ok';
    if (run.hookId === null || (hook === null && !deleted)) return;
    const others = this.hooks.filter((known) => known.id !== run.hookId);
    const index = this.hooks.findIndex((known) => known.id === run.hookId);
    if (hook === null) this.hooks = others;
    else if (index === -1) this.hooks = [...others, hook];
    else this.hooks = this.hooks.map((known) => (known.id === hook.id ? hook : known));
  }
}

function remember(memory: OrgMemory, id: string, created: boolean): OrgMemory {
  return {
    createdHere:
      created && !memory.createdHere.includes(id) ? [...memory.createdHere, id] : memory.createdHere,
    tracked: memory.tracked.includes(id) ? memory.tracked : [...memory.tracked, id],
  };
}
