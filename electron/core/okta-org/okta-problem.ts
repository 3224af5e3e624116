import type { OktaProblem, RateLimitState } from '../../../shared/model/okta';
import { asRecord, asText } from '../../../shared/okta/json-access';
import type { OutboundFailure } from '../http/outbound-request';
import type { AuthKind } from './credentials';

/** Okta's error body (https://developer.okta.com/docs/reference/core-okta-api/#errors): errorCode, errorSummary, errorLink, errorId, errorCauses. */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorId: string | null;
  /** Each cause's errorSummary, e.g. why a verification failed. */
  causes: string[];
}

export function decodeErrorBody(json: unknown): OktaErrorBody | null {
  const body = asRecord(json);
  const errorCode = asText(body?.errorCode);
  if (!body || errorCode === undefined) return null;
  const causes = Array.isArray(body.errorCauses) ? body.errorCauses : [];
  return {
    errorCode,
    errorSummary: asText(body.errorSummary) ?? '',
    errorId: asText(body.errorId) ?? null,
    causes: causes.flatMap((cause) => asText(asRecord(cause)?.errorSummary) ?? []),
  };
}

/** `E0000011 Invalid token provided`, plus the causes Okta listed. */
export function describeError(error: OktaErrorBody | null, status: number): string {
  if (!error) return `HTTP ${status}`;
  const causes = error.causes.length > 0 ? `: ${error.causes.join('; ')}` : '';
  return `${error.errorCode} ${error.errorSummary}${causes}`.trim();
}

/** What the caller needed, so a 403 names the permission. */
export interface CallPurpose {
  /** e.g. `okta.eventHooks.manage`. */
  permission: string;
}

const problem = (kind: OktaProblem['kind'], message: string, at: number): OktaProblem => ({
  kind,
  message,
  at,
});

function rateLimited(error: OktaErrorBody | null, limit: RateLimitState | null, now: number): OktaProblem {
  const retryAt = limit && limit.resetAt > now ? limit.resetAt : now + 60_000;
  const seconds = Math.ceil((retryAt - now) / 1000);
  return {
    ...problem(
      'rate-limited',
      `Okta's rate limit for this endpoint is used up (${describeError(error, 429)}); it resets in ${seconds} s (X-Rate-Limit-Reset).`,
      now,
    ),
    retryAt,
  };
}

/** What Okta said about the credentials of a refused call. */
export interface Refusal {
  status: number;
  error: OktaErrorBody | null;
  /** The `WWW-Authenticate` header: OAuth errors (insufficient_scope, invalid_dpop_proof) are named there. */
  challenge: string | null;
}

const challengeParam = (challenge: string | null, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(challenge ?? '')?.[1] ?? null;

function refusedCredentials(
  refusal: Refusal,
  purpose: CallPurpose,
  auth: AuthKind,
  now: number,
): OktaProblem {
  const said = describeError(refusal.error, refusal.status);
  const detail = challengeParam(refusal.challenge, 'error_description');
  const full = detail ? `${said}; ${detail}` : said;
  if (refusal.status === 401) {
    return auth === 'api-token'
      ? problem(
          'token',
          `Okta refused the API token (${said}): the token is invalid or expired — Okta API tokens lapse after 30 days without use. Create one in Admin Console → Security → API → Tokens.`,
          now,
        )
      : problem('token', `Okta refused the service app's access token (${full}), and a new one too.`, now);
  }
  if (auth === 'service-app' && challengeParam(refusal.challenge, 'error') === 'insufficient_scope') {
    return problem(
      'permission',
      `This needs ${purpose.permission}, which the service app's access token does not carry (${full}). Grant it to the app (Okta API Scopes) and connect again with the feature that uses it.`,
      now,
    );
  }
  const who =
    auth === 'api-token'
      ? "the token acts with its creator's admin rights, which lack"
      : "the service app's admin role (its Admin Roles tab) lacks";
  return problem(
    'permission',
    `Okta refused (${said}): ${who} ${purpose.permission}. Event hooks are managed by super admins by default, or by a custom admin role with that permission.`,
    now,
  );
}

/** One sentence per kind of refusal, naming what to do about it (https://developer.okta.com/docs/reference/core-okta-api/#errors). */
export function explainStatus(
  refusal: Refusal,
  limit: RateLimitState | null,
  purpose: CallPurpose,
  auth: AuthKind,
  now: number,
): OktaProblem {
  const { status, error } = refusal;
  const said = describeError(error, status);
  if (status === 401 || status === 403) return refusedCredentials(refusal, purpose, auth, now);
  if (status === 429) return rateLimited(error, limit, now);
  if (status === 404) return problem('not-found', `Okta has no such resource (${said}).`, now);
  if (status >= 400 && status < 500) return problem('rejected', `Okta refused the request (${said}).`, now);
  return problem('okta-error', `Okta answered ${status} (${said}).`, now);
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/;

/** No answer at all: the domain does not resolve, nothing listens, TLS failed, or it was too slow. */
export function explainTransport(failure: OutboundFailure, host: string, now: number): OktaProblem {
  if (failure.code !== undefined && TLS_CODE.test(failure.code)) {
    return problem(
      'unreachable',
      `The TLS connection to ${host} failed (${failure.code}): is it an Okta domain, or is a proxy intercepting HTTPS?`,
      now,
    );
  }
  const messages: Record<OutboundFailure['cause'], string> = {
    dns: `${host} does not resolve: check the domain (e.g. dev-123456.okta.com).`,
    refused: `Nothing answers at ${host} (connection refused).`,
    reset: `The connection to ${host} was cut before Okta answered (${failure.message}).`,
    timeout: `${host} did not answer in time.`,
    other: `Could not reach ${host}: ${failure.message}.`,
  };
  return problem('unreachable', messages[failure.cause], now);
}
