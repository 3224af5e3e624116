import { useState } from 'react';
import type { HeldInline } from '../../../../shared/model/inline';
import { inlineType } from '../../../../shared/okta/inline/catalog';
import { selectHeld } from '../../store/slices/inline-slice';
import { useAppStore, useEngine } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import { countdown } from './countdown';
import { FactList } from './fact-list';
import { useAnswerCheck } from './use-answer-check';
import { useClock } from './use-clock';
import { VerdictView } from './verdict-view';

function HeldCall({ held }: { held: HeldInline }) {
  const { bridge } = useEngine();
  const [answer, setAnswer] = useState(held.draft);
  const [error, setError] = useState<string | null>(null);
  const now = useClock(true);
  const left = countdown(held.receivedAt, held.deadlineAt, now);
  const check = useAnswerCheck(held.type, answer, held.requestText);
  const send = async () => {
    const result = await bridge.invoke('inline.release', { id: held.id, answer });
    if (!result.ok) setError(result.error.message);
  };
  return (
    <Modal
      title={`Breakpoint: ${inlineType(held.type).label} call`}
      testId="breakpoint"
      className="modal--wide"
      onClose={() => undefined}
      onSubmit={() => void send()}
    >
      <div
        className={`countdown${left.urgent ? ' countdown--urgent' : ''}`}
        data-testid="countdown"
        data-expired={left.expired}
      >
        <div className="countdown__bar" style={{ width: `${left.fraction * 100}%` }} />
        <span>
          {left.expired ? 'Okta’s budget is over: the template answered' : `${left.label} left of Okta’s 3 s`}
        </span>
      </div>
      <FactList facts={held.decoded.facts} />
      <label className="field">
        <span>Answer (JSON; empty sends 204)</span>
        <textarea
          className="inline-code"
          rows={12}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          data-testid="breakpoint-answer"
          spellCheck={false}
        />
      </label>
      {check && <VerdictView verdict={check.verdict} testId="breakpoint-verdict" />}
      {error && (
        <p className="note note--bad" role="alert" data-testid="breakpoint-error">
          {error}
        </p>
      )}
      <footer className="modal__actions">
        <button
          type="button"
          className="button"
          disabled={left.expired}
          onClick={() => setAnswer(held.draft)}
          data-testid="breakpoint-reset"
        >
          Back to the template
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={left.expired}
          data-testid="breakpoint-send"
        >
          Send to Okta
        </button>
      </footer>
    </Modal>
  );
}

/** The oldest call held at a breakpoint, with Okta's budget counting down until it is answered. */
export function BreakpointDialog() {
  const held = useAppStore(selectHeld);
  return held ? <HeldCall key={held.id} held={held} /> : null;
}
