import { selectOkta, selectOktaPanelOpen } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const OktaOrgDialog = lazyPart('The Okta org', () =>
  import('./okta-org-dialog').then((m) => m.OktaOrgDialog),
);

/** The Okta org: connect, point a hook here, and read Okta's own account of its deliveries. */
export function OktaPanel() {
  const open = useAppStore(selectOktaPanelOpen);
  const okta = useAppStore(selectOkta);
  return open && okta ? <OktaOrgDialog okta={okta} /> : null;
}
