import { useEffect, useRef } from 'react';
import type { JobView } from '../../../../shared/model/job';
import { cancelJob } from '../../store/bulk-commands';
import { selectJobs } from '../../store/selectors';
import type { AppState } from '../../store/create-app-store';
import { useAppStore, useEngine } from '../../store/store-context';
import { formatBytes } from '../../ui/format';

const selectToast = (state: AppState) => state.toast;
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
  return `${job.done.toLocaleString()} of ${job.total.toLocaleString()}`;
}

function JobCard({ job }: { job: JobView }) {
  const { store, bridge } = useEngine();
  const own = useAppStore(selectOwnJobs).has(job.id);
  const downloaded = useRef(false);
  const url = job.file?.downloadUrl;
  useEffect(() => {
    if (job.state !== 'done' || !own || url === undefined || downloaded.current) return;
    downloaded.current = true;
    download(url, job.file?.name ?? 'export');
  }, [job.state, own, url, job.file?.name]);
  const share = job.total > 0 ? Math.min(1, job.done / job.total) : 0;
  return (
    <li className={`job job--${job.state}`} data-testid="job" data-state={job.state} data-kind={job.kind}>
      <div className="job__head">
        <strong>{job.title}</strong>
        {job.state === 'running' ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => void cancelJob(bridge, job.id)}
            data-testid="job-cancel"
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            onClick={() => store.getState().dismissJob(job.id)}
            data-testid="job-dismiss"
          >
            Close
          </button>
        )}
      </div>
      {job.state === 'running' && (
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
      {job.state === 'done' && url !== undefined && !own && (
        <button
          type="button"
          className="link-button"
          onClick={() => download(url, job.file?.name ?? 'export')}
        >
          Download {job.file?.name}
        </button>
      )}
      {job.state === 'done' && job.file?.path !== undefined && url === undefined && (
        <p className="job__text mono">{job.file.path}</p>
      )}
    </li>
  );
}

/** Exports and imports as they run (with Cancel), and short confirmations; bottom right. */
export function JobsTray() {
  const jobs = useAppStore(selectJobs);
  const toast = useAppStore(selectToast);
  const { store } = useEngine();
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => store.getState().showToast(null), 2500);
    return () => clearTimeout(timer);
  }, [toast, store]);
  if (jobs.length === 0 && !toast) return null;
  return (
    <div className="tray" aria-live="polite">
      <ul className="tray__jobs">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} />
        ))}
      </ul>
      {toast && (
        <p className="toast" data-testid="toast">
          {toast.text}
        </p>
      )}
    </div>
  );
}
