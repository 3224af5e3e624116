import type { HeaderList } from '../../../shared/model/exchange';

/** A table of header rows (name, value) in order, each removable, with a row to add. */
export function HeaderRowsEditor(props: {
  value: HeaderList;
  onChange: (next: HeaderList) => void;
  testId?: string;
}) {
  const update = (index: number, name: string, value: string) =>
    props.onChange(props.value.map((row, i): [string, string] => (i === index ? [name, value] : row)));
  return (
    <div className="rows" data-testid={props.testId ?? 'header-rows'}>
      {props.value.map(([name, value], index) => (
        <div className="rows__row" key={index}>
          <input
            aria-label="Header name"
            value={name}
            onChange={(e) => update(index, e.target.value, value)}
          />
          <input
            aria-label="Header value"
            value={value}
            onChange={(e) => update(index, name, e.target.value)}
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
        onClick={() => props.onChange([...props.value, ['', '']])}
      >
        Add header
      </button>
    </div>
  );
}
