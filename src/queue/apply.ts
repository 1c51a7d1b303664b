import type { JobItem, JobProgress, JobRunner } from './types.ts';

/** Articles applied between two checkpoints: at most these are applied again when a worker dies. */
export const CHECKPOINT_ARTICLES = 10;

/** The consumer is stopping: the job is left where its last checkpoint says, for a retry. */
export class ConsumerStoppedError extends Error {
  constructor() {
    super('the worker stopped; the job goes on from its last checkpoint');
  }
}

export function freshProgress(keepOutcomes: boolean): JobProgress {
  return { done: 0, stored: 0, unchanged: 0, errors: [], ...(keepOutcomes ? { outcomes: [] } : {}) };
}

/**
 * Applies a job's items from where `progress` stands, a few articles at a time, handing each new progress to
 * `checkpoint` before going on. Invalid items become errors without reaching the runner.
 */
export async function applyJob(
  items: JobItem[],
  progress: JobProgress,
  runner: JobRunner,
  { checkpoint, stopping }: { checkpoint: (progress: JobProgress) => Promise<void>; stopping: () => boolean },
): Promise<JobProgress> {
  while (progress.done < items.length) {
    if (stopping()) throw new ConsumerStoppedError();
    const chunk = items.slice(progress.done, progress.done + CHECKPOINT_ARTICLES);
    const outcomes = await runner(chunk.flatMap((item) => ('article' in item ? [item.article] : [])));
    let next = 0;
    chunk.forEach((item, k) => {
      const index = progress.done + k;
      if ('invalid' in item) {
        progress.errors.push({ index, ...item.invalid });
        return;
      }
      const outcome = outcomes[next++];
      if (outcome.status === 'failed') progress.errors.push({ index, articleId: outcome.id, message: outcome.message });
      else if (outcome.status === 'unchanged') progress.unchanged++;
      else progress.stored++;
      progress.outcomes?.push(outcome);
    });
    progress.done += chunk.length;
    await checkpoint(progress);
  }
  return progress;
}
