import { selectDialog, selectSettings } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const SettingsForm = lazyPart('Settings', () => import('./settings-form').then((m) => m.SettingsForm));

export function SettingsDialog() {
  const open = useAppStore(selectDialog) === 'settings';
  const settings = useAppStore(selectSettings);
  if (!open || !settings) return null;
  return <SettingsForm settings={settings} />;
}
