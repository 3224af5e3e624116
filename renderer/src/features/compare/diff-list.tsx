import type { HeaderChange } from '../../../../shared/diff/header-diff';
import type { JsonChange } from '../../../../shared/diff/json-diff';
import { visible } from '../../ui/visible-text';

/** A parsed JSON value as JSON again (strings quoted), cut to fit a table cell. */
const json = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

/** JSON's own kinds: a string and a number that read alike are told apart by this. */
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A changed value, with its kind when the other side has another kind. */
const changed = (value: unknown, other: unknown) =>
  kindOf(value) === kindOf(other) ? json(value) : `${json(value)} (${kindOf(value)})`;

type Row = { kind: 'added' | 'removed' | 'changed'; label: string; before?: string; after?: string };

export const jsonRows = (changes: JsonChange[]): Row[] =>
  changes.map((c) =>
    c.kind === 'added'
      ? { kind: c.kind, label: c.path, after: json(c.after) }
      : c.kind === 'removed'
        ? { kind: c.kind, label: c.path, before: json(c.before) }
        : {
            kind: c.kind,
            label: c.path,
            before: changed(c.before, c.after),
            after: changed(c.after, c.before),
          },
  );

export const headerRows = (changes: HeaderChange[]): Row[] =>
  changes.map((c) =>
    c.kind === 'added'
      ? { kind: c.kind, label: c.name, after: c.after }
      : c.kind === 'removed'
        ? { kind: c.kind, label: c.name, before: c.before }
        : { kind: c.kind, label: c.name, before: c.before, after: c.after },
  );

/** A path or header name that wraps at its dots and brackets, never inside a word. */
function Label({ text }: { text: string }) {
  const parts = text.split(/(?=\[)|(?<=\.)/);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && <wbr />}
          {part}
        </span>
      ))}
    </>
  );
}

/** Differences as a table: what changed where, before → after in one column, so values get the room. */
export function DiffList(props: { rows: Row[]; empty: string; testId: string }) {
  if (props.rows.length === 0)
    return (
      <p className="muted" data-testid={props.testId}>
        {props.empty}
      </p>
    );
  return (
    <table className="diff mono" data-testid={props.testId}>
      <tbody>
        {props.rows.map((row, index) => (
          <tr key={index} className={`diff__row diff__row--${row.kind}`} data-kind={row.kind}>
            <td className="diff__kind">{row.kind}</td>
            <th scope="row">
              <Label text={visible(row.label)} />
            </th>
            <td className="diff__values">
              {row.before !== undefined && <span className="diff__before">{visible(row.before)}</span>}
              {row.before !== undefined && row.after !== undefined && (
                <span className="diff__arrow" aria-label="becomes">
                  {' → '}
                </span>
              )}
              {row.after !== undefined && <span className="diff__after">{visible(row.after)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
