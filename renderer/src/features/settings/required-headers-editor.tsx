import type { RequiredHeader } from '../../../../shared/model/settings';

/** Rows of name/value for the hook's custom headers (Okta's `channel.config.headers`). */
export function RequiredHeadersEditor(props: {
  value: RequiredHeader[];
  onChange: (next: RequiredHeader[]) => void;
}) {
  const update = (index: number, patch: Partial<RequiredHeader>) =>
    props.onChange(props.value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="rows" data-testid="required-headers">
      {props.value.map((row, index) => (
        <div className="rows__row" key={index}>
          <input
            aria-label="Header name"
            placeholder="X-Tenant-Hint"
            value={row.name}
            onChange={(e) => update(index, { name: e.target.value })}
          />
          <input
            aria-label="Header value"
            placeholder="value"
            value={row.value}
            onChange={(e) => update(index, { value: e.target.value })}
          />
          <button
            type="button"
            className="button button--small"
            onClick={() => props.onChange(props.value.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => props.onChange([...props.value, { name: '', value: '' }])}
        data-testid="add-required-header"
      >
        Add header
      </button>
    </div>
  );
}
