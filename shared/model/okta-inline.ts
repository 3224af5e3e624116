import type { InlineHookKind, InlineRequestType, InlineVerdict } from './inline';

/** An org's inline hook as listed by the Management API; its auth value is write-only there. */
export interface OktaInlineHook {
  id: string;
  name: string;
  /** Okta's hook type, e.g. `com.okta.oauth2.tokens.transform`. */
  type: string;
  /** Which of the inspector's paths fits this type; null for types it does not know. */
  hook: InlineHookKind | null;
  status: string;
  channel: string;
  uri: string;
  /** The auth header's name (its value is never returned). */
  authHeader: string | null;
  /** It calls the inspector's public URL for its type. */
  pointsHere: boolean;
  lastUpdated: string | null;
}

/** "Preview through Okta": Okta's own answer to `/execute`, beside what the receiver captured. */
export interface InlinePreview {
  hookId: string;
  type: InlineRequestType;
  at: number;
  okta: {
    /** Okta's status for `/execute`: 200 (your answer), 204, or an error. */
    status: number;
    /** One sentence: what Okta made of the hook's answer. */
    summary: string;
    /** Okta's answer body (your answer as Okta accepted it, or its error). */
    body: string | null;
    causes: string[];
  };
  /** The call Okta made, as the receiver recorded it (the last attempt). */
  exchangeId: string | null;
  /** The inspector's own verdict on that exchange's answer. */
  inspector: InlineVerdict | null;
}

export interface OktaInlineState {
  hooks: OktaInlineHook[];
  loadedAt: number | null;
  /** Most recent first. */
  previews: InlinePreview[];
  /** Where each hook kind is called on the public URL, when there is one. */
  publicUrls: Partial<Record<InlineHookKind, string>>;
}
