import type { SendOptions, TargetChoice } from './replay-draft';

/** Where a replay goes: the user's handler, the receiver again, or another URL. */
export function TargetPicker(props: {
  options: SendOptions;
  forwardTarget: string | null;
  onChange: (options: SendOptions) => void;
}) {
  const choose = (target: TargetChoice) => props.onChange({ ...props.options, target });
  const option = (target: TargetChoice, label: string, disabled = false) => (
    <label className="radio">
      <input
        type="radio"
        name="replay-target"
        checked={props.options.target === target}
        disabled={disabled}
        onChange={() => choose(target)}
        data-testid={`replay-target-${target}`}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="field">
      <legend>Send to</legend>
      {option(
        'forward',
        props.forwardTarget
          ? `Your handler: ${props.forwardTarget}`
          : 'Your handler (set a forward target in Settings)',
        props.forwardTarget === null,
      )}
      {option('receiver', 'The receiver again (answered and recorded like a delivery)')}
      {option('url', 'Another URL')}
      {props.options.target === 'url' && (
        <input
          className="mono"
          value={props.options.url}
          onChange={(e) => props.onChange({ ...props.options, url: e.target.value })}
          data-testid="replay-url"
          aria-label="URL"
        />
      )}
    </fieldset>
  );
}
