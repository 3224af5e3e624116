import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { JobView } from '../../../../shared/model/job';
import { cancelJob } from '../../store/bulk-commands';
import { selectJobs } from '../../store/selectors';
import type { AppState } from '../../store/create-app-store';
import { useAppStore, useEngine } from '../../store/store-context';
import { formatBytes, formatCount } from '../../ui/format';

const selectOwnJobs = (state: AppState) => state.ownJobs;

/** Start the browser's download of a finished headless export (desktop exports are already saved). */
function download(url: string, name: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}

function progressText(job: JobView): string {
  if (job.state !== 'running') return job.message ?? job.state;
  if (job.kind === 'import')
    return job.total > 0 ? `${formatBytes(job.done)} of ${formatBytes(job.total)}` : 'Reading…';
  return `${formatCount(job.done)} of ${formatCount(job.total)}`;
}

/** A finished headless export this window started downloads by itself, once. */
function useAutoDownload(job: JobView) {
  const own = useAppStore(selectOwnJobs).has(job.id);
  const downloaded = useRef(false);
  const url = job.file?.downloadUrl;
  const name = job.file?.name ?? 'export';
  useEffect(() => {
    if (job.state !== 'done' || !own || url === undefined || downloaded.current) return;
    downloaded.current = true;
    download(url, name);
  }, [job.state, own, url, name]);
  return own;
}

/** Where the result is: a download link (started in another window), or the saved path. */
function JobResult({ job, own }: { job: JobView; own: boolean }) {
  if (job.state !== 'done' || !job.file) return null;
  const { downloadUrl, name, path } = job.file;
  if (downloadUrl === undefined) return path === undefined ? null : <p className="job__text mono">{path}</p>;
  if (own) return null;
  return (
    <button type="button" className="link-button" onClick={() => download(downloadUrl, name)}>
      Download {name}
    </button>
  );
}

/** The newest job's switch between it alone and every job in the bar. */
function StackToggle(props: { earlier: number; expanded: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="link-button"
      aria-expanded={props.expanded}
      onClick={props.onToggle}
      data-testid="jobs-earlier"
    >
      {props.expanded ? 'Fewer' : `${props.earlier} more`}
    </button>
  );
}

/** One job on one line: what it is, how far it got (or how it ended), and Cancel or Close. */
function JobLine({ job, toggle }: { job: JobView; toggle?: ReactNode }) {
  const { store, bridge } = useEngine();
  const own = useAutoDownload(job);
  const share = job.total > 0 ? Math.min(1, job.done / job.total) : 0;
  const running = job.state === 'running';
  return (
    <li className={`job job--${job.state}`} data-testid="job" data-state={job.state} data-kind={job.kind}>
      <strong className="job__title">{job.title}</strong>
      {running && (
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
        >
          <div className="progress__bar" style={{ width: `${share * 100}%` }} />
        </div>
      )}
      <p className="job__text" data-testid="job-text">
        {progressText(job)}
      </p>
      <JobResult job={job} own={own} />
      {toggle}
      <button
        type="button"
        className="button button--small"
        onClick={() => (running ? void cancelJob(bridge, job.id) : store.getState().dismissJob(job.id))}
        data-testid={running ? 'job-cancel' : 'job-dismiss'}
      >
        {running ? 'Cancel' : 'Close'}
      </button>
    </li>
  );
}

/**
 * Exports and imports as they run (with Cancel) and how they ended, in a bar under the panes:
 * it takes its own room rather than covering their controls. The jobs stack into one line, the
 * newest; the earlier ones are a click away on it.
 */
export function JobsBar() {
  const jobs = useAppStore(selectJobs);
  // Open for the newest job only: a job that starts after stacks them again.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const newest = jobs.at(-1);
  if (!newest) return null;
  const expanded = openFor === newest.id;
  const toggle = jobs.length > 1 && (
    <StackToggle
      earlier={jobs.length - 1}
      expanded={expanded}
      onToggle={() => setOpenFor(expanded ? null : newest.id)}
    />
  );
  return (
    <ul className="jobs-bar" aria-live="polite" data-testid="jobs-bar">
      {expanded && jobs.slice(0, -1).map((job) => <JobLine key={job.id} job={job} />)}
      <JobLine key={newest.id} job={newest} toggle={toggle} />
    </ul>
  );
}
