import { useState } from 'react';
import { visible } from '../../ui/visible-text';

/** Children beyond this many are behind a "show more" button, so huge arrays stay cheap. */
const PAGE = 200;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function Scalar({ value }: { value: Json }) {
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === 'string') return <span className="json-string">{visible(JSON.stringify(value))}</span>;
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>;
  return null;
}

function Node(props: { name: string | null; value: Json; depth: number; openDepth: number }) {
  const { value } = props;
  const isContainer = typeof value === 'object' && value !== null;
  const [open, setOpen] = useState(props.depth < props.openDepth);
  const [shown, setShown] = useState(PAGE);
  const label = props.name === null ? null : <span className="json-key">{visible(props.name)}: </span>;
  if (!isContainer) {
    return (
      <div className="json-line">
        {label}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: [string, Json][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const [openMark, closeMark] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const summary = Array.isArray(value) ? `${entries.length} items` : `${entries.length} keys`;
  return (
    <div className="json-node">
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="json-caret">{open ? '▾' : '▸'}</span>
        {label}
        {openMark}
        {!open && <span className="json-summary"> {summary} </span>}
        {!open && closeMark}
      </button>
      {open && (
        <div className="json-children">
          {entries.slice(0, shown).map(([key, child]) => (
            <Node key={key} name={key} value={child} depth={props.depth + 1} openDepth={props.openDepth} />
          ))}
          {entries.length > shown && (
            <button type="button" className="button button--small" onClick={() => setShown(shown + PAGE * 5)}>
              Show {Math.min(PAGE * 5, entries.length - shown)} more of {entries.length - shown}
            </button>
          )}
        </div>
      )}
      {open && <div className="json-line">{closeMark}</div>}
    </div>
  );
}

/** A collapsible view of parsed JSON; everything is rendered as text, never as HTML. */
export function JsonTree(props: { value: unknown; openDepth?: number }) {
  return (
    <div className="json-tree mono" data-testid="json-tree">
      <Node name={null} value={props.value as Json} depth={0} openDepth={props.openDepth ?? 3} />
    </div>
  );
}
