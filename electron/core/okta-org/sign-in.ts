import type { CommandInput } from '../../../shared/contract/commands';
import type { PendingKey } from '../../../shared/model/okta';
import { checkOrgDomain } from '../../../shared/okta/org-domain';
import type { Clock, Logger, SecretVault } from '../deps';
import type { HttpTransport } from '../http/http-transport';
import { CommandError } from '../rpc/command-error';
import { commandErrorOf } from './command-failure';
import { forgetLogin, loadLogin, loginFromInput, saveLogin, type Login } from './okta-login';
import type { OktaPrefsStore } from './okta-prefs';
import { openSession, type Session } from './okta-session';
import { generateSigningKey, type GeneratedKey } from './service-app-key';

export interface SignInDeps {
  vault: SecretVault;
  prefs: OktaPrefsStore;
  clock: Clock;
  logger: Logger;
  baseUrlOverride: string | null;
  transport: HttpTransport;
}

/**
 * How the inspector signs in to an org: a login checked against Okta before anything is kept,
 * the login kept from an earlier run, and a key pair made here for a service app, whose private
 * key stays in memory until a connection uses it and then in the vault (never in the UI).
 */
export class SignIn {
  private pending: GeneratedKey | null = null;

  constructor(private readonly deps: SignInDeps) {}

  generate(): PendingKey {
    this.pending = generateSigningKey();
    return this.pendingView() as PendingKey;
  }

  pendingView(): PendingKey | null {
    if (this.pending === null) return null;
    const { publicJwk } = this.pending;
    return { keyId: String(publicJwk.kid), publicJwk: JSON.stringify(publicJwk, null, 2) };
  }

  /** The org kept from an earlier run, ready to use (nothing is called yet). */
  async restore(): Promise<Session | null> {
    const { domain } = this.deps.prefs.current();
    const login = await loadLogin(this.deps.vault, this.deps.prefs).catch(() => {
      this.deps.logger.warn('the saved Okta sign-in cannot be read; connect again');
      return null;
    });
    return domain === null || login === null ? null : this.open(domain, login);
  }

  /** A session for this input, once Okta has listed the org's hooks with it. */
  async check(input: CommandInput<'okta.connect'>): Promise<Session> {
    const domain = checkOrgDomain(input.domain);
    if (!domain.ok) throw new CommandError('invalid-input', domain.message);
    const session = this.open(domain.url, loginFromInput(input, this.pending?.signing ?? null));
    const listed = await session.api.listHooks();
    if (!listed.ok) throw commandErrorOf(listed.problem);
    return session;
  }

  /** Keep a checked session's login; a generated key it uses is pending no more. */
  async keep(session: Session): Promise<void> {
    const { login } = session;
    await saveLogin(login, session.domain, this.deps.vault, this.deps.prefs);
    if (login.kind === 'service-app' && login.signing.pem === this.pending?.signing.pem) this.pending = null;
  }

  forget(): Promise<void> {
    return forgetLogin(this.deps.vault, this.deps.prefs);
  }

  private open(domain: string, login: Login): Session {
    const { clock, baseUrlOverride, transport } = this.deps;
    return openSession(domain, login, { clock, baseUrlOverride, transport });
  }
}
