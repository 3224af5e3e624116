/**
 * Okta inline hooks as plain data: what a call was, how it was answered, and what Okta does with
 * the answer. Crosses the process boundary like the rest of `model/`.
 */

/** The seven kinds of call Okta makes to an inline hook (registration has two request types). */
export type InlineRequestType =
  'token' | 'saml' | 'registration' | 'progressive-profile' | 'password-import' | 'user-import' | 'telephony';

/** The six hooks one registers in Okta; each has its own path here. */
export type InlineHookKind = Exclude<InlineRequestType, 'progressive-profile'>;

/** How the inspector answers a type: its saved template, the developer's handler, or the user live. */
export type InlineMode = 'template' | 'forward' | 'breakpoint';

/** A fact from the request worth reading first: who, which app, what is asked. */
export interface InlineFact {
  label: string;
  value: string;
}

/** An inline call decoded from its envelope. */
export interface InlineDecoded {
  /** The hook whose path the call arrived on. */
  hook: InlineHookKind;
  /** What the envelope says it is; null when it is not a call of that hook. */
  type: InlineRequestType | null;
  eventType?: string;
  requestType?: string;
  eventId?: string;
  eventTime?: string;
  source?: string;
  facts: InlineFact[];
}

/** `reject`: Okta will not use the answer (or that part of it); `warn`: allowed but worth knowing. */
export type InlineSeverity = 'reject' | 'warn';

export interface InlineFinding {
  severity: InlineSeverity;
  /** A stable id of the rule, e.g. `token.reserved-claim`. */
  rule: string;
  /** What is wrong, in Okta's terms. */
  message: string;
  /** Where in the answer, e.g. `commands[0].value[1]`. */
  where?: string;
}

/**
 * What Okta does with an answer: `applied` (all commands used), `error` (the answer's `error`
 * object decides), `default` (no change: Okta's default action), `failed` (Okta skips the hook's
 * answer and applies its failure behaviour for the type).
 */
export type InlineOutcome = 'applied' | 'error' | 'default' | 'failed';

export interface InlineVerdict {
  outcome: InlineOutcome;
  /** One sentence: what Okta does, e.g. "Okta issues the token without your patch: …". */
  summary: string;
  findings: InlineFinding[];
}

/** Who decided the answer that was sent. */
export type InlineAnsweredBy =
  | 'template'
  | 'forward'
  | 'breakpoint'
  /** The breakpoint's deadline passed before the user sent: the template answered. */
  | 'breakpoint-expired'
  /** The inspector refused the call (secret, size, not an inline call): no answer was chosen. */
  | 'refused';

/** The inline section of a captured exchange. */
export interface InlineRecord {
  request: InlineDecoded;
  answeredBy: InlineAnsweredBy;
  verdict: InlineVerdict;
  /** Breakpoints: how long the request was held, in ms. */
  heldMs?: number;
}

/** One hook type's answer settings. */
export interface InlineTypeSettings {
  mode: InlineMode;
  /** JSON text with `{{variables}}` from the request; empty answers 204 where Okta allows it. */
  template: string;
  /** The developer's handler for this type (forward mode), e.g. `http://localhost:3000/hooks/token`. */
  forwardUrl: string | null;
}

export interface InlineSettings {
  /** Inline hooks are called at `<basePath>/<hook>`, e.g. `/okta/inline/token`. */
  basePath: string;
  types: Record<InlineRequestType, InlineTypeSettings>;
}

/** A call held at a breakpoint, waiting for the user's answer. */
export interface HeldInline {
  id: string;
  type: InlineRequestType;
  decoded: InlineDecoded;
  /** The request body as received (JSON text). */
  requestText: string;
  /** The answer the template would give, as a starting point. */
  draft: string;
  /** Epoch ms when the call arrived and when Okta stops waiting. */
  receivedAt: number;
  deadlineAt: number;
}

/** What the UI shows and edits about inline hooks. */
export interface InlineState {
  settings: InlineSettings;
  /** Calls held at a breakpoint now, oldest first. */
  held: HeldInline[];
}

/** An answer checked before it is sent or saved. */
export interface InlineCheck {
  /** The answer with the request's variables filled in. */
  rendered: string;
  /** Variables the request does not have. */
  missing: string[];
  verdict: InlineVerdict;
}
