import { jsonStatus } from './replay-draft';

/** A JSON body editor: validated as you type, formatted on request, sent as typed. */
export function BodyEditor(props: { value: string; onChange: (value: string) => void }) {
  const status = jsonStatus(props.value);
  const format = () => {
    if (status.ok && props.value.trim() !== '')
      props.onChange(JSON.stringify(JSON.parse(props.value), null, 2));
  };
  return (
    <div className="body-editor">
      <textarea
        className="body-editor__text mono"
        spellCheck="false"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        rows={12}
        data-testid="replay-body"
      />
      <div className="body-editor__bar">
        <span className={status.ok ? 'muted' : 'form-error--inline'} data-testid="replay-body-status">
          {status.message}
        </span>
        <button type="button" className="button button--small" onClick={format} disabled={!status.ok}>
          Format
        </button>
      </div>
    </div>
  );
}
