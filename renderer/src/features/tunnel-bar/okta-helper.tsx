import type { SettingsView } from '../../../../shared/model/settings';
import { whyOktaCannotCall } from '../../../../shared/okta/callable-url';
import { revealHookSecret } from '../../store/commands';
import { useEngine } from '../../store/store-context';
import { CopyButton } from '../../ui/copy-button';

/** Where the URL goes, or why Okta would not call it (then it is for local tests only). */
function UrlAdvice({ hookUrl }: { hookUrl: string }) {
  const why = whyOktaCannotCall(hookUrl);
  if (why === null) {
    return (
      <span>
        Paste this URL into <strong>Okta → Workflow → Event Hooks</strong>
      </span>
    );
  }
  return (
    <span className="tunnel__pair--warn" data-testid="okta-url-warning">
      Okta calls only public https:// URLs, and {why}: this URL works for tests from here, not from Okta.
    </span>
  );
}

/** The exact values Okta asks for, next to the URL they go with. */
export function OktaHelper(props: { settings: SettingsView; hookUrl: string }) {
  const { bridge } = useEngine();
  const { authHeader, secret } = props.settings;
  return (
    <div className="tunnel__helper" data-testid="okta-helper">
      <UrlAdvice hookUrl={props.hookUrl} />
      <span className="tunnel__pair">
        Authentication field <code>{authHeader}</code>
      </span>
      {secret.configured ? (
        <span className="tunnel__pair">
          Authentication secret <code data-testid="okta-helper-secret">{secret.masked}</code>
          <CopyButton
            value={() => revealHookSecret(bridge)}
            label="Copy secret"
            testId="copy-hook-secret"
            title="Copy the secret itself, to paste into Okta"
          />
        </span>
      ) : (
        <span className="tunnel__pair tunnel__pair--warn" data-testid="okta-helper-secret">
          No authentication secret set: every request is accepted (set one in Settings)
        </span>
      )}
    </div>
  );
}
