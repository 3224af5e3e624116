import { useState } from 'react';
import type { ResponsePolicy } from '../../../../shared/model/settings';
import { presetOf, RESPONSE_PRESETS } from '../../../../shared/okta/response-presets';
import { saveSettings } from '../../store/commands';
import { selectSettings } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { useDismiss } from '../../ui/use-dismiss';
import { CustomPolicyForm } from './custom-policy-form';

export const describePolicy = (policy: ResponsePolicy): string => {
  const preset = presetOf(policy);
  if (preset) return preset.label;
  const delay = policy.delayMs > 0 ? ` after ${policy.delayMs / 1000} s` : '';
  return `Custom: ${policy.status}${delay}`;
};

/** How the receiver answers deliveries: presets for each of Okta's reactions, or custom. */
export function ResponsePolicyMenu() {
  const settings = useAppStore(selectSettings);
  const { store, bridge } = useEngine();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panel = useDismiss<HTMLDivElement>(open, () => setOpen(false));
  if (!settings) return null;
  const apply = async (response: ResponsePolicy) => {
    const result = await saveSettings(store, bridge, { response });
    if (result.ok) {
      setError(null);
      setOpen(false);
    } else setError(result.error.message);
  };
  const current = presetOf(settings.response);
  const tone =
    settings.response.status >= 200 && settings.response.status < 300 && settings.response.delayMs < 3000
      ? 'ok'
      : 'warn';
  return (
    <div className="menu" ref={panel}>
      <button
        type="button"
        className={`button menu__button menu__button--${tone}`}
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        data-testid="response-policy"
      >
        Answer: {describePolicy(settings.response)}
      </button>
      {open && (
        <div
          className="menu__panel"
          role="dialog"
          aria-label="How to answer deliveries"
          data-testid="response-policy-panel"
        >
          <p className="menu__title">How the receiver answers deliveries that pass the auth check</p>
          {RESPONSE_PRESETS.map((preset) => (
            <button
              key={preset.id}
              type="button"
              className={`menu__item${preset === current ? ' menu__item--active' : ''}`}
              onClick={() => void apply(preset.policy)}
              data-testid={`preset-${preset.id}`}
            >
              <span className="menu__label">{preset.label}</span>
              <span className="menu__hint">{preset.effect}</span>
            </button>
          ))}
          <CustomPolicyForm initial={settings.response} onApply={(policy) => void apply(policy)} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
