import type { OktaAuthView } from '../../../../shared/model/okta';

/** How the inspector signs in, as far as the UI may know: never the token or the key itself. */
export function AuthSummary({ auth }: { auth: OktaAuthView | null }) {
  if (auth === null) return null;
  if (auth.kind === 'api-token') {
    return (
      <p className="muted" data-testid="okta-auth" data-kind="api-token">
        Signed in with an API token {auth.token.masked}
      </p>
    );
  }
  return (
    <p className="okta-auth muted" data-testid="okta-auth" data-kind="service-app">
      Signed in as service app <code>{auth.clientId}</code> with key <code>{auth.keyId}</code>, scopes
      {auth.scopes.map((scope) => (
        <code key={scope} className="okta-scope" data-testid="okta-scope">
          {scope}
        </code>
      ))}
      {auth.dpop && (
        <span className="pill pill--ok" title="Tokens are bound to a key held in memory (DPoP)">
          DPoP
        </span>
      )}
    </p>
  );
}
