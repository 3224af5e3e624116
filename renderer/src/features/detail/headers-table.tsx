import type { HeaderList } from '../../../../shared/model/exchange';
import { visible } from '../../ui/visible-text';

/** Headers in the order they were sent, names as sent. */
export function HeadersTable(props: { headers: HeaderList; testId?: string }) {
  if (props.headers.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table className="kv mono" data-testid={props.testId}>
      <tbody>
        {props.headers.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row">{visible(name)}</th>
            <td>{visible(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
