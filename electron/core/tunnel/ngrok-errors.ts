import type { TunnelErrorCode } from '../../../shared/model/tunnel';
import { TunnelFailure } from './tunnel-provider';

const AUTHTOKEN_PAGE = 'https://dashboard.ngrok.com/get-started/your-authtoken';
const AGENTS_PAGE = 'https://dashboard.ngrok.com/agents';
const DOMAINS_PAGE = 'https://dashboard.ngrok.com/domains';

export const noAuthtoken = (): TunnelFailure =>
  new TunnelFailure(
    'no-authtoken',
    `No ngrok authtoken: copy yours from ${AUTHTOKEN_PAGE} into Settings (or set NGROK_AUTHTOKEN).`,
    false,
  );

/** ngrok error codes by meaning (https://ngrok.com/docs/errors/). */
const TOKEN_REJECTED = new Set([105, 106, 107, 4018]);
const SESSION_LIMIT = new Set([108, 348]);
const DOMAIN_NOT_ALLOWED = new Set([313, 314, 315, 319, 320, 354, 412, 7117, 7118]);
const DOMAIN_IN_USE = new Set([334]);

/** What the SDK says when no TCP or TLS connection to ngrok could be made (DNS, refused, reset). */
const NETWORK = /tcp connection|tls handshake|dns|resolve|refused|reset|unreachable|timed out|network/i;

interface Rule {
  codes: ReadonlySet<number>;
  code: TunnelErrorCode;
  /** Retried after a drop: right after a reconnect ngrok may still hold the old session for a moment. */
  retryable: boolean;
  message: (id: string, domain: string | null) => string;
}

const RULES: Rule[] = [
  {
    codes: TOKEN_REJECTED,
    code: 'token-rejected',
    retryable: false,
    message: (id) =>
      `ngrok rejected the authtoken (${id}): copy the current one from ${AUTHTOKEN_PAGE} into Settings.`,
  },
  {
    codes: SESSION_LIMIT,
    code: 'session-limit',
    retryable: true,
    message: (id) =>
      `Your ngrok account's limit of agent sessions is reached (${id}): stop the other ngrok agent using this ` +
      `authtoken (${AGENTS_PAGE}), then start again.`,
  },
  {
    codes: DOMAIN_NOT_ALLOWED,
    code: 'domain-not-allowed',
    retryable: false,
    message: (id, domain) =>
      `ngrok does not allow the domain ${domain ?? '(none)'} for this authtoken (${id}): use a domain listed at ` +
      `${DOMAINS_PAGE}, or clear the domain for a random URL.`,
  },
  {
    codes: DOMAIN_IN_USE,
    code: 'domain-in-use',
    retryable: true,
    message: (id, domain) =>
      `${domain ?? 'The domain'} is already online in another ngrok session (${id}): stop that agent ` +
      `(${AGENTS_PAGE}) or choose another domain.`,
  },
];

/**
 * Turn an SDK error into one actionable sentence. ngrok's own text is used only where no rule
 * fits, and never with the authtoken in it (some ngrok messages quote it).
 */
export function classifyNgrokError(error: unknown, domain: string | null, authtoken: string): TunnelFailure {
  if (error instanceof TunnelFailure) return error;
  const raw = redact(error instanceof Error ? error.message : String(error), authtoken);
  const id = /ERR_NGROK_(\d+)/.exec(raw);
  if (id) {
    const number = Number(id[1]);
    const rule = RULES.find((candidate) => candidate.codes.has(number));
    if (rule) return new TunnelFailure(rule.code, rule.message(id[0], domain), rule.retryable);
    return new TunnelFailure(
      'failed',
      `ngrok refused the tunnel (${id[0]}: ${firstSentence(raw)}): see https://ngrok.com/docs/errors/${id[0].toLowerCase()}.`,
      false,
    );
  }
  if (NETWORK.test(raw)) {
    return new TunnelFailure(
      'network',
      `Cannot reach ngrok (${firstSentence(raw)}): check the internet connection, proxy or firewall, then start again.`,
      true,
    );
  }
  return new TunnelFailure('failed', `ngrok failed: ${firstSentence(raw)}.`, true);
}

/** The SDK prefixes every message with what it was doing ("failed to connect session: …"). */
function firstSentence(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? text;
  return line
    .replace(/^failed to [a-z ]+: /, '')
    .replace(/\.\s.*$/, '')
    .replace(/\.$/, '')
    .trim();
}

function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('••••••••');
}
