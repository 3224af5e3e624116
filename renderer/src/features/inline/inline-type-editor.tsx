import { useState } from 'react';
import type { InlineMode, InlineRequestType, InlineTypeSettings } from '../../../../shared/model/inline';
import { inlineType } from '../../../../shared/okta/inline/catalog';
import { templateVariables } from '../../../../shared/okta/inline/template-variables';
import { openExchange } from '../../store/commands';
import { useEngine } from '../../store/store-context';
import { useAnswerCheck } from './use-answer-check';
import { VerdictView } from './verdict-view';

const MODES: { mode: InlineMode; label: string }[] = [
  { mode: 'template', label: 'Template' },
  { mode: 'forward', label: 'Forward to my handler' },
  { mode: 'breakpoint', label: 'Breakpoint' },
];

/** How one type is answered: its mode, handler URL and template, checked as it is typed. */
export function InlineTypeEditor({ type, saved }: { type: InlineRequestType; saved: InlineTypeSettings }) {
  const { store, bridge } = useEngine();
  const [draft, setDraft] = useState(saved);
  const [message, setMessage] = useState<string | null>(null);
  const check = useAnswerCheck(type, draft.template);
  const info = inlineType(type);
  const save = async (next: InlineTypeSettings) => {
    const result = await bridge.invoke('inline.configure', { types: { [type]: next } });
    setMessage(result.ok ? 'Saved.' : result.error.message);
  };
  const sendSample = async () => {
    const result = await bridge.invoke('samples.send', { inlineType: type });
    if (result.ok) await openExchange(store, bridge, result.value.exchangeId);
    setMessage(result.ok ? 'Sample sent: it is selected in the list.' : result.error.message);
  };
  return (
    <form
      className="inline-editor"
      data-testid="inline-editor"
      data-type={type}
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <p className="inline-editor__about">
        Okta calls <code>{info.eventType}</code>. On a failed or unusable answer:{' '}
        {info.onFailure.replace(/^Okta /, 'Okta ')}.
      </p>
      <fieldset className="field inline-modes">
        <legend>Answer with</legend>
        {MODES.map(({ mode, label }) => (
          <label key={mode}>
            <input
              type="radio"
              name={`mode-${type}`}
              checked={draft.mode === mode}
              onChange={() => setDraft({ ...draft, mode })}
              data-testid={`inline-mode-${mode}`}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {draft.mode === 'forward' && (
        <label className="field">
          <span>Handler URL</span>
          <input
            className="input"
            value={draft.forwardUrl ?? ''}
            placeholder="http://localhost:3000/okta/inline"
            onChange={(e) =>
              setDraft({ ...draft, forwardUrl: e.target.value === '' ? null : e.target.value })
            }
            data-testid="inline-forward-url"
          />
        </label>
      )}
      <label className="field">
        <span>
          {draft.mode === 'breakpoint'
            ? 'Starting answer (edited live, and sent if the deadline passes)'
            : 'Template'}
        </span>
        <textarea
          className="inline-code"
          rows={10}
          spellCheck={false}
          value={draft.template}
          onChange={(e) => setDraft({ ...draft, template: e.target.value })}
          data-testid="inline-template"
        />
      </label>
      <p className="inline-editor__vars">
        Variables:{' '}
        {templateVariables(type).map((v) => (
          <code key={v.name} title={v.path}>{`{{${v.name}}}`}</code>
        ))}{' '}
        or any path such as <code>{'{{data.context.request.id}}'}</code>
      </p>
      {check && (
        <>
          {check.missing.length > 0 && (
            <p className="note note--warn">The sample has no {check.missing.join(', ')}: left empty.</p>
          )}
          <VerdictView verdict={check.verdict} testId="template-verdict" />
        </>
      )}
      <footer className="modal__actions">
        {message && (
          <span className="inline-editor__message" data-testid="inline-message">
            {message}
          </span>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void sendSample()}
          data-testid="inline-send-sample"
        >
          Send a sample call
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void bridge
              .invoke('inline.configure', { reset: [type] })
              .then(() => setMessage('Template reset.'))
          }
        >
          Reset template
        </button>
        <button type="submit" className="button button--primary" data-testid="inline-save">
          Save
        </button>
      </footer>
    </form>
  );
}
