import type { Jobs } from '../transfer/jobs';
import { planReplayRun, type ReplayDeps, type ReplayInput } from './replay-runner';

/**
 * Run a replay. One request is sent and answered at once; more (up to 1,000 exchanges × 100)
 * run as a job the UI follows and can cancel, and the command answers when it ends, with the
 * exchanges sent until then.
 */
export async function replay(
  deps: ReplayDeps,
  jobs: Jobs,
  input: ReplayInput,
): Promise<{ exchangeIds: string[] }> {
  const plan = await planReplayRun(deps, input);
  if (plan.total <= 1) return { exchangeIds: (await plan.run()).exchangeIds };
  return jobs.run('replay', plan.title, plan.total, async (job) => {
    const { exchangeIds, cancelled } = await plan.run({
      signal: job.signal,
      progress: (done) => job.progress(done),
    });
    const sent = `${exchangeIds.length.toLocaleString('en-US')} request${exchangeIds.length === 1 ? '' : 's'} sent`;
    if (cancelled) job.cancelled(`Replay cancelled: ${sent}.`);
    else job.finish(`Replay done: ${sent}.`);
    return { exchangeIds };
  });
}
