import type { HookRun, HookRunStep } from '../../../../shared/model/okta';
import { showExchange } from '../../store/commands';
import { useEngine } from '../../store/store-context';
import { StatusBadge } from '../../ui/badges';
import { formatClock, formatDuration } from '../../ui/format';

const MARK: Record<HookRunStep['state'], string> = { running: '…', ok: '✓', failed: '✗', skipped: '–' };
const TITLE: Record<HookRun['action'], string> = {
  point: 'Point here',
  retarget: 'Follow the new URL',
  deactivate: 'Deactivate',
  delete: 'Delete',
  filter: 'Set the event filter',
};

function Step({ step, onOpen }: { step: HookRunStep; onOpen: (id: string) => void }) {
  return (
    <li
      className={`run-step run-step--${step.state}`}
      data-testid="okta-run-step"
      data-step={step.name}
      data-state={step.state}
    >
      <span className="run-step__mark" aria-hidden="true">
        {MARK[step.state]}
      </span>
      <span className="run-step__name">{step.name}</span>
      <code className="run-step__request" title={step.request}>
        {step.request}
      </code>
      <span className="run-step__status">
        {step.status !== undefined && <StatusBadge status={step.status} />}
      </span>
      <span className="run-step__answer">
        {step.state === 'running' ? 'waiting for Okta…' : step.answer}
        {step.exchangeId !== undefined && (
          <>
            {' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onOpen(step.exchangeId!)}
              data-testid="okta-run-challenge"
            >
              Show the challenge it answered
            </button>
          </>
        )}
      </span>
      <span className="run-step__ms muted">{step.ms !== undefined ? formatDuration(step.ms) : ''}</span>
    </li>
  );
}

/** A run, step by step: each Management API call and Okta's answer to it. */
export function RunSteps({ run }: { run: HookRun }) {
  const { store, bridge } = useEngine();
  const open = (id: string) => {
    store.getState().setOktaPanelOpen(false);
    void showExchange(store, bridge, id);
  };
  return (
    <section
      className={`okta-run okta-run--${run.outcome}`}
      data-testid="okta-run"
      data-outcome={run.outcome}
    >
      <header className="okta-run__head">
        <strong>{TITLE[run.action]}</strong>
        <span>{run.hookName}</span>
        <span className="muted">{formatClock(run.startedAt)}</span>
        <span
          className={`pill pill--${run.outcome === 'ok' ? 'ok' : run.outcome === 'failed' ? 'bad' : 'neutral'}`}
        >
          {run.outcome === 'running' ? 'running' : run.outcome === 'ok' ? 'done' : 'failed'}
        </span>
      </header>
      <ol className="run-steps">
        {run.steps.map((step, index) => (
          <Step key={index} step={step} onOpen={open} />
        ))}
      </ol>
    </section>
  );
}
