import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { applyJob, freshProgress } from './apply.ts';
import { jobStatus, newJobId } from './job-status.ts';
import type { EnqueueOptions, JobConsumer, JobItem, JobProgress, JobQueue, JobRunner, JobStatus } from './types.ts';

export interface BullJobQueueOptions {
  url: string;
  /** Queue name: INDEX_PREFIX's, so that stores sharing one Redis/Valkey keep their jobs apart. */
  name: string;
  /** How long a worker's hold on a job lasts unrenewed: a worker killed mid-job has its job retried after this. */
  lockMs: number;
  logger?: Logger;
}

interface JobData {
  total: number;
  keepOutcomes: boolean;
}

const KEY_PREFIX = 'polyquote';
/** A store outage fails an attempt; the job is tried again after this, as long as it takes. */
const RETRY_DELAY_MS = 2_000;
const ATTEMPTS = 100_000;
const KEEP_FINISHED_SECONDS = 7 * 86_400;

/**
 * Jobs on BullMQ over Redis or Valkey (QUEUE_URL). The articles of a job are one key of their own, so reading a job's
 * status never carries them; the progress lives in the BullMQ job and is the checkpoint a retry starts from. The
 * queue's global concurrency is 1: however many workers run, one job is applied at a time.
 */
export class BullJobQueue implements JobQueue {
  readonly shared = true;
  private readonly redis: Redis;
  private readonly queue: Queue<JobData>;
  private readonly workers = new Set<Worker<JobData>>();
  private ready: Promise<unknown> | undefined;

  constructor(private readonly options: BullJobQueueOptions) {
    this.redis = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: true });
    // ioredis reconnects by itself; unobserved, each failed attempt would be printed as an unhandled error.
    this.redis.on('error', (error) => options.logger?.warn({ err: error }, 'job queue connection failed; reconnecting'));
    this.queue = new Queue<JobData>(options.name, { connection: this.redis, prefix: KEY_PREFIX });
  }

  async enqueue(items: JobItem[], { keepOutcomes = false }: EnqueueOptions = {}): Promise<JobStatus> {
    await this.setUp();
    const id = newJobId();
    // The items first: a job in the queue always has them.
    await this.redis.set(this.itemsKey(id), JSON.stringify(items), 'EX', KEEP_FINISHED_SECONDS);
    const job = await this.queue.add('ingest', { total: items.length, keepOutcomes }, {
      jobId: id,
      attempts: ATTEMPTS,
      backoff: { type: 'fixed', delay: RETRY_DELAY_MS },
      removeOnComplete: { age: KEEP_FINISHED_SECONDS },
    });
    return this.statusOf(job, 'waiting');
  }

  async get(id: string): Promise<JobStatus | undefined> {
    await this.setUp();
    const job = await this.queue.getJob(id);
    return job && this.statusOf(job, await job.getState());
  }

  async consume(runner: JobRunner): Promise<JobConsumer> {
    await this.setUp();
    let stopping = false;
    // A connection of its own: the worker blocks on it waiting for jobs.
    const connection = this.redis.duplicate();
    connection.on('error', (error) => this.options.logger?.warn({ err: error }, 'job queue worker connection failed; reconnecting'));
    const worker = new Worker<JobData>(
      this.options.name,
      async (job) => {
        const items = JSON.parse((await this.redis.get(this.itemsKey(job.id!))) ?? '[]') as JobItem[];
        const progress = isProgress(job.progress) ? job.progress : freshProgress(job.data.keepOutcomes);
        await applyJob(items, progress, runner, { checkpoint: (p) => job.updateProgress(p as never), stopping: () => stopping });
        await this.redis.del(this.itemsKey(job.id!));
      },
      {
        connection,
        prefix: KEY_PREFIX,
        concurrency: 1,
        lockDuration: this.options.lockMs,
        stalledInterval: this.options.lockMs,
        // A killed worker's job is moved back to the queue each time, never failed for having stalled.
        maxStalledCount: ATTEMPTS,
      },
    );
    worker.on('failed', (job, error) => this.options.logger?.warn({ err: error, job: job?.id }, 'ingestion job interrupted; retried from its last checkpoint'));
    worker.on('error', (error) => this.options.logger?.error({ err: error }, 'job queue worker error'));
    worker.on('closed', () => connection.disconnect());
    this.workers.add(worker);
    return {
      stop: async () => {
        stopping = true;
        await worker.close();
        this.workers.delete(worker);
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.close()));
    await this.queue.close();
    this.redis.disconnect();
  }

  /** One job at a time across every worker: linking must see the store as the previous article left it. */
  private setUp(): Promise<unknown> {
    return (this.ready ??= this.queue.setGlobalConcurrency(1).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    }));
  }

  private itemsKey(id: string): string {
    return `${KEY_PREFIX}:${this.options.name}:items:${id}`;
  }

  private statusOf(job: Job<JobData>, state: string): JobStatus {
    const progress = isProgress(job.progress) ? job.progress : freshProgress(job.data.keepOutcomes);
    const status = state === 'completed' ? 'completed' : state === 'active' ? 'running' : 'queued';
    const times = {
      createdAt: new Date(job.timestamp).toISOString(),
      ...(job.processedOn ? { startedAt: new Date(job.processedOn).toISOString() } : {}),
      ...(status === 'completed' && job.finishedOn ? { finishedAt: new Date(job.finishedOn).toISOString() } : {}),
    };
    return jobStatus(job.id!, { status, total: job.data.total, attempts: job.attemptsMade + (status === 'running' ? 1 : 0), times }, progress);
  }
}

function isProgress(value: unknown): value is JobProgress {
  return typeof value === 'object' && value !== null && typeof (value as JobProgress).done === 'number';
}
