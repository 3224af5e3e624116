import { useState } from 'react';
import type { InlineMode, InlineRequestType, InlineTypeSettings } from '../../../../shared/model/inline';
import { inlineType } from '../../../../shared/okta/inline/catalog';
import { openExchange } from '../../store/commands';
import { useEngine } from '../../store/store-context';
import { TemplateField } from './template-field';

const MODES: { mode: InlineMode; label: string }[] = [
  { mode: 'template', label: 'Template' },
  { mode: 'forward', label: 'Forward to my handler' },
  { mode: 'breakpoint', label: 'Breakpoint' },
];

function ModePicker({
  type,
  mode,
  onMode,
}: {
  type: InlineRequestType;
  mode: InlineMode;
  onMode: (mode: InlineMode) => void;
}) {
  return (
    <fieldset className="field inline-modes">
      <legend>Answer with</legend>
      {MODES.map((choice) => (
        <label key={choice.mode}>
          <input
            type="radio"
            name={`mode-${type}`}
            checked={mode === choice.mode}
            onChange={() => onMode(choice.mode)}
            data-testid={`inline-mode-${choice.mode}`}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Save, reset and sample: each says how it went in one line. */
function useEditorActions(type: InlineRequestType) {
  const { store, bridge } = useEngine();
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    save: async (next: InlineTypeSettings) => {
      const result = await bridge.invoke('inline.configure', { types: { [type]: next } });
      setMessage(result.ok ? 'Saved.' : result.error.message);
    },
    /** Back to the starting template; returns it for the editor. */
    reset: async (): Promise<string | null> => {
      const result = await bridge.invoke('inline.configure', { reset: [type] });
      setMessage(result.ok ? 'Template reset.' : result.error.message);
      return result.ok ? result.value.settings.types[type].template : null;
    },
    sendSample: async () => {
      const result = await bridge.invoke('samples.send', { inlineType: type });
      if (result.ok) await openExchange(store, bridge, result.value.exchangeId);
      setMessage(result.ok ? 'Sample sent: it is selected in the list.' : result.error.message);
    },
  };
}

function ForwardField({ url, onUrl }: { url: string | null; onUrl: (url: string | null) => void }) {
  return (
    <label className="field">
      <span>Handler URL</span>
      <input
        value={url ?? ''}
        placeholder="http://localhost:3000/okta/inline"
        onChange={(e) => onUrl(e.target.value === '' ? null : e.target.value)}
        data-testid="inline-forward-url"
      />
    </label>
  );
}

type Actions = ReturnType<typeof useEditorActions>;

function EditorFooter({ actions, onReset }: { actions: Actions; onReset: (template: string) => void }) {
  const reset = () => void actions.reset().then((template) => template !== null && onReset(template));
  return (
    <footer className="modal__actions">
      {actions.message && (
        <span className="inline-editor__message" data-testid="inline-message">
          {actions.message}
        </span>
      )}
      <button
        type="button"
        className="button"
        onClick={() => void actions.sendSample()}
        data-testid="inline-send-sample"
      >
        Send a sample call
      </button>
      <button type="button" className="button" onClick={reset}>
        Reset template
      </button>
      <button type="submit" className="button button--primary" data-testid="inline-save">
        Save
      </button>
    </footer>
  );
}

/** How one type is answered: its mode, handler URL and template, checked as it is typed. */
export function InlineTypeEditor({ type, saved }: { type: InlineRequestType; saved: InlineTypeSettings }) {
  const [draft, setDraft] = useState(saved);
  const actions = useEditorActions(type);
  const change = (patch: Partial<InlineTypeSettings>) => setDraft({ ...draft, ...patch });
  const info = inlineType(type);
  return (
    <form
      className="inline-editor"
      data-testid="inline-editor"
      data-type={type}
      onSubmit={(e) => {
        e.preventDefault();
        void actions.save(draft);
      }}
    >
      <p className="inline-editor__about">
        Okta calls <code>{info.eventType}</code>. On a failed or unusable answer: {info.onFailure}.
      </p>
      <ModePicker type={type} mode={draft.mode} onMode={(mode) => change({ mode })} />
      {draft.mode === 'forward' && (
        <ForwardField url={draft.forwardUrl} onUrl={(forwardUrl) => change({ forwardUrl })} />
      )}
      <TemplateField
        type={type}
        mode={draft.mode}
        template={draft.template}
        onTemplate={(template) => change({ template })}
      />
      <EditorFooter actions={actions} onReset={(template) => change({ template })} />
    </form>
  );
}
