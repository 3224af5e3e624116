import type { StateCreator } from 'zustand';
import type { JobView } from '../../../../shared/model/job';
import type { AppState } from '../create-app-store';

/** Exports and imports in progress or just finished, from any window. */
export interface JobsSlice {
  jobs: JobView[];
  /** Jobs this window started: only those download their file when done. */
  ownJobs: ReadonlySet<string>;
  upsertJob(job: JobView): void;
  claimJob(id: string): void;
  dismissJob(id: string): void;
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set) => ({
  jobs: [],
  ownJobs: new Set(),
  upsertJob: (job) =>
    set((state) => {
      const index = state.jobs.findIndex((known) => known.id === job.id);
      if (index === -1) return { jobs: [...state.jobs, job] };
      // A finished job never goes back to running, whatever order news of it arrives in.
      if (state.jobs[index]?.state !== 'running' && job.state === 'running') return {};
      return { jobs: state.jobs.map((known, i) => (i === index ? job : known)) };
    }),
  claimJob: (id) => set((state) => ({ ownJobs: new Set([...state.ownJobs, id]) })),
  dismissJob: (id) => set((state) => ({ jobs: state.jobs.filter((job) => job.id !== id) })),
});
