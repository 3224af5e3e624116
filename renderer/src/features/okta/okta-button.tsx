import { selectOkta } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { orgTone, shortDomain } from './okta-format';

/** Opens the Okta panel; its dot says whether the org needs attention. */
export function OktaButton() {
  const okta = useAppStore(selectOkta);
  const { store } = useEngine();
  const tone = orgTone(okta);
  const domain = okta?.connection.domain;
  return (
    <button
      type="button"
      className="button okta-button"
      onClick={() => store.getState().setOktaPanelOpen(true)}
      data-testid="open-okta"
      data-tone={tone}
      title={domain ? `Okta org ${shortDomain(domain)}` : 'Connect an Okta org'}
    >
      <span className={`dot dot--${tone}`} aria-hidden="true" />
      {domain ? `Okta: ${shortDomain(domain)}` : 'Okta org'}
    </button>
  );
}
