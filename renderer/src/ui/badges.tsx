import type { AuthResult, ExchangeOrigin } from '../../../shared/model/exchange';
import { authLabel } from './auth-label';
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

export function AuthBadge(props: { result: AuthResult; origin: ExchangeOrigin; testId?: string }) {
  const { text, title } = authLabel(props.result, props.origin);
  return (
    <span
      className={`auth auth--${props.result}`}
      data-testid={props.testId ?? 'auth-badge'}
      data-auth={props.result}
      title={title}
    >
      {text}
    </span>
  );
}
