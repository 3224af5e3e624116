import type { CommandInput, ParsedInput } from '../../../shared/contract/commands';
import type { InlineCheck, InlineRequestType, InlineState } from '../../../shared/model/inline';
import { jsonDepth, MAX_JSON_DEPTH } from '../../../shared/okta/inline/json-depth';
import { judgeAnswer } from '../../../shared/okta/inline/verdict';
import { renderTemplate } from '../../../shared/okta/inline/render-template';
import { buildInlineSample } from '../../../shared/okta/inline/sample-requests';
import { isRecord, type JsonRecord } from '../../../shared/okta/json-access';
import type { Clock, Logger } from '../deps';
import type { Scheduler } from '../deps';
import { CommandError } from '../rpc/command-error';
import { randomOktaId } from '../samples/delivery-headers';
import type { InlineDeps } from './answer-inline';
import { Breakpoints } from './breakpoints';
import { InlinePrefs } from './inline-prefs';

export interface InlineDeskDeps {
  dataDir: string;
  logger: Logger;
  clock: Clock;
  newId: () => string;
  scheduler: Scheduler;
  /** `http://127.0.0.1:<port>` of the receiver while it runs: a handler URL must not be it. */
  receiverUrl(): string | null;
  /** Okta's budget; tests of the breakpoint may lengthen it. */
  budgetMs?: number | undefined;
  onChange(state: InlineState): void;
}

function parseRequest(text: string): JsonRecord {
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new CommandError('invalid-input', `The request nests deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    const value: unknown = JSON.parse(text);
    if (isRecord(value)) return value;
  } catch {
    // Reported below.
  }
  throw new CommandError('invalid-input', 'The request to check against is not a JSON object.');
}

/**
 * Inline hooks in the engine: how each type is answered (saved settings), the calls held at a
 * breakpoint, and the checks the UI runs before it saves a template or sends an answer.
 */
export class InlineDesk {
  readonly answering: InlineDeps;
  private readonly breakpoints: Breakpoints;

  private constructor(
    private readonly deps: InlineDeskDeps,
    private readonly prefs: InlinePrefs,
  ) {
    this.breakpoints = new Breakpoints({
      scheduler: deps.scheduler,
      now: () => deps.clock.now(),
      newId: deps.newId,
      onChange: () => deps.onChange(this.state()),
    });
    this.answering = {
      prefs,
      breakpoints: this.breakpoints,
      monotonic: () => deps.clock.monotonic(),
      ...(deps.budgetMs === undefined ? {} : { budgetMs: deps.budgetMs }),
    };
  }

  static async open(deps: InlineDeskDeps): Promise<InlineDesk> {
    return new InlineDesk(deps, await InlinePrefs.open(deps.dataDir, deps.logger));
  }

  state(): InlineState {
    return { settings: this.prefs.current(), held: this.breakpoints.list() };
  }

  async configure(change: ParsedInput<'inline.configure'>): Promise<InlineState> {
    for (const patch of Object.values(change.types ?? {})) this.refuseLoop(patch.forwardUrl);
    await this.prefs.update(change);
    const state = this.state();
    this.deps.onChange(state);
    return state;
  }

  /** A sample call of `type`, as the checks use by default and `samples.send` sends. */
  sample(type: InlineRequestType): JsonRecord {
    return buildInlineSample(type, { now: this.deps.clock.now(), randomId: randomOktaId });
  }

  check(input: CommandInput<'inline.check'>): InlineCheck {
    const request = input.request === undefined ? this.sample(input.type) : parseRequest(input.request);
    return this.judge(input.type, request, input.answer, input.status ?? 200);
  }

  /** Send the user's answer to a held call; refused once the hold has ended. */
  release(id: string, answer: string): InlineCheck {
    const held = this.breakpoints.find(id);
    if (held === undefined)
      throw new CommandError(
        'not-found',
        'That call is no longer held: it was answered, its deadline inside Okta’s 3 s passed, or the caller hung up.',
      );
    const check = this.judge(
      held.type,
      parseRequest(held.requestText),
      answer,
      answer.trim() === '' ? 204 : 200,
    );
    this.breakpoints.release(id, check.rendered);
    return check;
  }

  stop(): void {
    this.breakpoints.releaseAll();
  }

  /** A handler URL on the receiver itself would send each call back to itself, without end. */
  private refuseLoop(url: string | null | undefined): void {
    const receiver = this.deps.receiverUrl();
    if (url == null || receiver === null) return;
    const target = URL.parse(url);
    if (target === null) throw new CommandError('invalid-input', `${url} is not a URL.`);
    const own = new URL(receiver);
    const local = ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0'];
    if (target.port === own.port && local.includes(target.hostname))
      throw new CommandError(
        'invalid-input',
        `${url} is the inspector's own receiver: enter your handler's URL.`,
      );
  }

  private judge(type: InlineRequestType, request: JsonRecord, answer: string, status: number): InlineCheck {
    const { text, missing } = renderTemplate(answer, type, request);
    const size = new TextEncoder().encode(text).length;
    const verdict = judgeAnswer({ type, request, status, contentType: 'application/json', body: text, size });
    return { rendered: text, missing, verdict };
  }
}
