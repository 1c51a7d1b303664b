import { EventEmitter, once } from 'node:events';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { applyJob, ConsumerStoppedError, freshProgress } from './apply.ts';
import { jobStatus, newJobId, type JobTimes } from './job-status.ts';
import type { EnqueueOptions, JobConsumer, JobItem, JobProgress, JobQueue, JobRunner, JobStatus } from './types.ts';

/** What a job's state file holds; its items are in a file of their own, written once. */
interface StoredJob {
  id: string;
  status: JobStatus['status'];
  total: number;
  attempts: number;
  times: JobTimes;
  progress: JobProgress;
}

/** A store outage pauses the job this long before it is tried again. */
const RETRY_PAUSE_MS = 2_000;

/**
 * The embedded default: jobs as files in DATA_DIR/jobs, applied in creation order by one consumer in the server
 * process. Every change of a job's state is written to a temporary file and renamed over the old one, so a process
 * killed at any moment leaves either state whole; a job found queued or running at start-up goes on from its last
 * checkpoint.
 */
export class LocalJobQueue implements JobQueue {
  readonly shared = false;
  private readonly enqueued = new EventEmitter();
  /** Jobs known to be completed: their state files are not read again when looking for the next job. */
  private readonly completed = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  async enqueue(items: JobItem[], { keepOutcomes = false }: EnqueueOptions = {}): Promise<JobStatus> {
    const id = newJobId();
    await mkdir(this.dir, { recursive: true });
    // The items first: a job whose state file exists always has them.
    await atomicWrite(this.itemsFile(id), JSON.stringify(items));
    const job: StoredJob = { id, status: 'queued', total: items.length, attempts: 0, times: { createdAt: new Date().toISOString() }, progress: freshProgress(keepOutcomes) };
    await this.save(job);
    this.enqueued.emit('job');
    return statusOf(job);
  }

  async get(id: string): Promise<JobStatus | undefined> {
    const job = await this.load(id);
    return job && statusOf(job);
  }

  async consume(runner: JobRunner): Promise<JobConsumer> {
    let stopping = false;
    const wake = new AbortController();
    const loop = (async () => {
      while (!stopping) {
        const job = await this.next();
        if (!job) {
          // Woken by an enqueue of this process; the timeout also finds jobs written before it started. Whichever
          // loses stops listening: an idle consumer would otherwise add a listener every second.
          const nap = new AbortController();
          const signal = AbortSignal.any([wake.signal, nap.signal]);
          await Promise.race([once(this.enqueued, 'job', { signal }), sleep(1_000, undefined, { signal })]).catch(() => undefined);
          nap.abort();
          continue;
        }
        try {
          await this.run(job, runner, () => stopping);
        } catch (error) {
          if (error instanceof ConsumerStoppedError) return;
          this.logger?.warn({ err: error, job: job.id }, 'ingestion job interrupted; retrying from its last checkpoint');
          await sleep(RETRY_PAUSE_MS, undefined, { signal: wake.signal }).catch(() => undefined);
        }
      }
    })();
    return {
      stop: async () => {
        stopping = true;
        wake.abort();
        await loop;
      },
    };
  }

  async close(): Promise<void> {}

  private async run(job: StoredJob, runner: JobRunner, stopping: () => boolean): Promise<void> {
    const items = JSON.parse(await readFile(this.itemsFile(job.id), 'utf8')) as JobItem[];
    job.status = 'running';
    job.attempts++;
    job.times.startedAt ??= new Date().toISOString();
    await this.save(job);
    await applyJob(items, job.progress, runner, { checkpoint: () => this.save(job), stopping });
    job.status = 'completed';
    job.times.finishedAt = new Date().toISOString();
    await this.save(job);
    await rm(this.itemsFile(job.id), { force: true });
  }

  /** The oldest job not completed. */
  private async next(): Promise<StoredJob | undefined> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const ids = names.filter((n) => n.endsWith('.state.json')).map((n) => n.slice(0, -'.state.json'.length));
    for (const id of ids.filter((id) => !this.completed.has(id)).sort()) {
      const job = await this.load(id);
      if (job?.status === 'completed') this.completed.add(id);
      else if (job) return job;
    }
    return undefined;
  }

  private async load(id: string): Promise<StoredJob | undefined> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, `${id}.state.json`), 'utf8')) as StoredJob;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private save(job: StoredJob): Promise<void> {
    return atomicWrite(path.join(this.dir, `${job.id}.state.json`), JSON.stringify(job));
  }

  private itemsFile(id: string): string {
    return path.join(this.dir, `${id}.items.json`);
  }
}

function statusOf(job: StoredJob): JobStatus {
  return jobStatus(job.id, job, job.progress);
}

async function atomicWrite(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
