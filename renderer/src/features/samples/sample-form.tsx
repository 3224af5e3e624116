import { useMemo, useState } from 'react';
import { EVENT_HOOK_ELIGIBLE_TYPES } from '../../../../shared/okta/event-types';
import { FEATURED_SAMPLE_TYPES } from '../../../../shared/okta/sample-templates';
import { sendSample } from '../../store/commands';
import { useAppStore, useEngine } from '../../store/store-context';
import { TypeChips } from '../../ui/type-chips';
import { Modal } from '../../ui/modal';
import { ModalFooter } from '../../ui/modal-footer';

const MAX_EVENTS = 50;

export function SampleForm() {
  const { store, bridge } = useEngine();
  const close = () => store.getState().openDialog(null);
  const [selected, setSelected] = useState<string[]>(['user.session.start']);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [filter, setFilter] = useState('');
  const [withheld, setWithheld] = useState<string | null>(null);
  const filters = useAppStore((state) => state.hookFilters?.filters) ?? [];
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return needle === ''
      ? []
      : EVENT_HOOK_ELIGIBLE_TYPES.filter((type) => type.includes(needle)).slice(0, 200);
  }, [search]);
  const toggle = (type: string) =>
    setSelected((current) =>
      current.includes(type) ? current.filter((t) => t !== type) : [...current, type].slice(0, MAX_EVENTS),
    );
  const send = async () => {
    setSending(true);
    const result = await sendSample(store, bridge, selected, filter || undefined);
    setSending(false);
    if (!result.ok) setError(result.error.message);
    else if (result.value.withheld.length === 0) close();
    // Sent (and opened behind the dialog): say what the filter held back.
    else
      setWithheld(result.value.withheld.map((event) => `${event.eventType} (${event.because})`).join('; '));
  };
  return (
    <Modal title="Send a test delivery" testId="sample-dialog" onClose={close} className="modal--wide">
      <p className="muted">
        Built like Okta&apos;s Preview: fresh ids, current timestamps, one event per type you pick, sent
        through the receiver with your secret and headers. It is recorded like a real delivery and marked{' '}
        <em>sample</em>.
      </p>
      <h3 className="section-title">Common event types</h3>
      <TypeChips
        types={FEATURED_SAMPLE_TYPES}
        selected={selected}
        onToggle={toggle}
        testId="featured-types"
      />
      <label className="field">
        <span>All {EVENT_HOOK_ELIGIBLE_TYPES.length} event types Okta can deliver</span>
        <input
          placeholder="Search, e.g. group or mfa"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="sample-search"
        />
      </label>
      {matches.length > 0 && (
        <TypeChips types={matches} selected={selected} onToggle={toggle} testId="matching-types" />
      )}
      <p data-testid="sample-selection">
        {selected.length === 0
          ? 'Pick at least one event type.'
          : `In this delivery, in order: ${selected.join(', ')}`}
      </p>
      <label className="field">
        <span>Like a hook with a filter (Okta&apos;s Preview ignores filters)</span>
        <select value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="sample-filter">
          <option value="">Send every event</option>
          {filters.map((f) => (
            <option key={f.name} value={f.name}>
              Only what {f.source.kind === 'hook' ? `the filter of ${f.source.hookName}` : f.name} lets
              through
            </option>
          ))}
        </select>
      </label>
      {withheld !== null && (
        <p className="muted" data-testid="sample-withheld">
          Sent. Held back by the filter: {withheld}
        </p>
      )}
      <ModalFooter error={error} onCancel={close}>
        <button
          type="button"
          className="button button--primary"
          disabled={selected.length === 0 || sending}
          onClick={() => void send()}
          data-testid="sample-send"
        >
          {selected.length > 1
            ? `Send a batch of ${selected.length} events`
            : selected.length === 1
              ? 'Send 1 event'
              : 'Send'}
        </button>
      </ModalFooter>
    </Modal>
  );
}
