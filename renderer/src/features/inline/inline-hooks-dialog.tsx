import type { InlineRequestType, InlineState } from '../../../../shared/model/inline';
import { INLINE_TYPES } from '../../../../shared/okta/inline/catalog';
import { selectInlineType } from '../../store/slices/inline-slice';
import { useAppStore, useEngine } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import { InlineOrgSection } from './inline-org-section';
import { InlineTypeEditor } from './inline-type-editor';

function TypeNav({ inline, type }: { inline: InlineState; type: InlineRequestType }) {
  const { store } = useEngine();
  return (
    <nav className="inline-types" aria-label="Inline hook types">
      {INLINE_TYPES.map((info) => (
        <button
          key={info.type}
          type="button"
          className={`inline-types__item${info.type === type ? ' is-active' : ''}`}
          aria-current={info.type === type}
          onClick={() => store.getState().setInlineType(info.type)}
          data-testid={`inline-type-${info.type}`}
        >
          {info.label}
          <span className="inline-types__mode">{inline.settings.types[info.type].mode}</span>
        </button>
      ))}
    </nav>
  );
}

export function InlineHooksDialog({ inline }: { inline: InlineState }) {
  const type = useAppStore(selectInlineType);
  const { store } = useEngine();
  const close = () => store.getState().setInlinePanelOpen(false);
  const closeButton = (
    <button type="button" className="button" onClick={close}>
      Close
    </button>
  );
  return (
    <Modal
      title="Inline hooks"
      testId="inline-panel"
      className="modal--wide inline-panel"
      onClose={close}
      titleAside={closeButton}
    >
      <p className="inline-panel__paths">
        Okta calls each hook at <code>{inline.settings.basePath}/&lt;hook&gt;</code> on the public URL, with
        the hook secret in the auth header.
      </p>
      <div className="inline-panel__body">
        <TypeNav inline={inline} type={type} />
        <InlineTypeEditor key={type} type={type} saved={inline.settings.types[type]} />
      </div>
      <InlineOrgSection />
    </Modal>
  );
}
