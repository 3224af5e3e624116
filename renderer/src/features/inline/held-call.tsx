import { useState } from 'react';
import type { HeldInline } from '../../../../shared/model/inline';
import { inlineType } from '../../../../shared/okta/inline/catalog';
import { useEngine } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import { CountdownBar } from './countdown-bar';
import { FactList } from './fact-list';
import { useAnswerCheck } from './use-answer-check';
import { VerdictView } from './verdict-view';

/** Sends the answer to the held call; a refusal (the deadline passed first) is shown in place. */
function useRelease(id: string) {
  const { bridge } = useEngine();
  const [error, setError] = useState<string | null>(null);
  const send = async (answer: string) => {
    const result = await bridge.invoke('inline.release', { id, answer });
    if (!result.ok) setError(result.error.message);
  };
  return { error, send };
}

function AnswerField({ answer, onAnswer }: { answer: string; onAnswer: (answer: string) => void }) {
  return (
    <label className="field">
      <span>Answer (JSON; empty sends 204)</span>
      <textarea
        className="inline-code"
        rows={12}
        value={answer}
        onChange={(e) => onAnswer(e.target.value)}
        data-testid="breakpoint-answer"
        spellCheck="false"
      />
    </label>
  );
}

export function HeldCall({ held }: { held: HeldInline }) {
  const [answer, setAnswer] = useState(held.draft);
  const check = useAnswerCheck(held.type, answer, held.requestText);
  const release = useRelease(held.id);
  return (
    <Modal
      title={`Breakpoint: ${inlineType(held.type).label} call`}
      testId="breakpoint"
      className="modal--wide"
      // It closes when the call is answered, or by itself at the deadline.
      onClose={() => undefined}
      // It opens by itself, maybe while the user types elsewhere: no keystroke lands in the answer.
      initialFocus="dialog"
      onSubmit={() => void release.send(answer)}
    >
      <CountdownBar held={held} />
      <FactList facts={held.decoded.facts} />
      <AnswerField answer={answer} onAnswer={setAnswer} />
      {check && <VerdictView verdict={check.verdict} testId="breakpoint-verdict" />}
      {release.error && (
        <p className="note note--bad" role="alert" data-testid="breakpoint-error">
          {release.error}
        </p>
      )}
      <footer className="modal__actions">
        <button
          type="button"
          className="button"
          onClick={() => setAnswer(held.draft)}
          data-testid="breakpoint-reset"
        >
          Back to the template
        </button>
        <button type="submit" className="button button--primary" data-testid="breakpoint-send">
          Send to Okta
        </button>
      </footer>
    </Modal>
  );
}
