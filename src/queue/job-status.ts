import { randomBytes } from 'node:crypto';
import type { JobProgress, JobStatus } from './types.ts';

/** Ids sort in creation order (a time prefix), and are unguessable enough not to collide across API nodes. */
export function newJobId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
}

export interface JobTimes {
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

/** The status a client reads, from what either queue keeps of a job. */
export function jobStatus(
  id: string,
  state: { status: JobStatus['status']; total: number; attempts: number; times: JobTimes },
  progress: JobProgress,
): JobStatus {
  return {
    id,
    status: state.status,
    total: state.total,
    done: progress.done,
    stored: progress.stored,
    unchanged: progress.unchanged,
    failed: progress.errors.length,
    errors: progress.errors,
    attempts: state.attempts,
    ...state.times,
    ...(progress.outcomes ? { outcomes: progress.outcomes } : {}),
  };
}

/** The status without the per-article outcomes a waiting POST /articles reads. */
export function publicStatus({ outcomes: _outcomes, ...status }: JobStatus): Omit<JobStatus, 'outcomes'> {
  return status;
}
