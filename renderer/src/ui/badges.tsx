import type { AuthResult } from '../../../shared/model/exchange';
import { reasonPhrase, statusTone } from './format';

export function StatusBadge(props: { status: number; withReason?: boolean }) {
  const tone = statusTone(props.status);
  const label = props.status === 0 ? '—' : String(props.status);
  return (
    <span className={`status status--${tone}`} data-testid="status-badge" title={reasonPhrase(props.status)}>
      {label}
      {props.withReason && props.status !== 0 ? ` ${reasonPhrase(props.status)}` : ''}
    </span>
  );
}

const AUTH_LABELS: Record<AuthResult, { text: string; title: string }> = {
  ok: { text: 'auth ✓', title: 'The shared secret matched' },
  'not-configured': { text: 'no secret', title: 'No secret is configured: every request is accepted' },
  missing: { text: 'no auth', title: 'The auth header was missing' },
  mismatch: { text: 'bad auth', title: 'The auth header did not match the secret' },
};

export function AuthBadge(props: { result: AuthResult }) {
  const { text, title } = AUTH_LABELS[props.result];
  return (
    <span
      className={`auth auth--${props.result}`}
      data-testid="auth-badge"
      data-auth={props.result}
      title={title}
    >
      {text}
    </span>
  );
}
