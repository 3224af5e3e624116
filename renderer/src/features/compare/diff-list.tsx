import type { HeaderChange } from '../../../../shared/diff/header-diff';
import type { JsonChange } from '../../../../shared/diff/json-diff';
import { visible } from '../../ui/visible-text';

const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

type Row = { kind: 'added' | 'removed' | 'changed'; label: string; before?: string; after?: string };

export const jsonRows = (changes: JsonChange[]): Row[] =>
  changes.map((c) =>
    c.kind === 'added'
      ? { kind: c.kind, label: c.path, after: show(c.after) }
      : c.kind === 'removed'
        ? { kind: c.kind, label: c.path, before: show(c.before) }
        : { kind: c.kind, label: c.path, before: show(c.before), after: show(c.after) },
  );

export const headerRows = (changes: HeaderChange[]): Row[] =>
  changes.map((c) =>
    c.kind === 'added'
      ? { kind: c.kind, label: c.name, after: c.after }
      : c.kind === 'removed'
        ? { kind: c.kind, label: c.name, before: c.before }
        : { kind: c.kind, label: c.name, before: c.before, after: c.after },
  );

/** Differences as a table: what changed where, before → after. */
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
            <th scope="row">{visible(row.label)}</th>
            <td className="diff__before">{visible(row.before ?? '')}</td>
            <td className="diff__after">{visible(row.after ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
