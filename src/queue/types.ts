import type { ArticleInput } from '../ingestion/types.ts';
import type { ArticleError, IngestJob } from '../schemas/ingest-job.ts';

/** One item of a job as stored: an article checked when the job was created, or why it was not one. */
export type JobItem = { article: ArticleInput } | { invalid: { articleId?: string; message: string } };

/** What applying one article came to. */
export type ArticleOutcome =
  | { id: string; status: 'stored'; lang: string; quotes: number; replaced: boolean }
  | { id: string; status: 'unchanged' }
  | { id: string; status: 'failed'; message: string };

/**
 * Applies articles to the store, in order, one outcome per article. An article it cannot store is a `failed` outcome;
 * a store that cannot be reached is thrown, and the job is retried from its last checkpoint.
 */
export type JobRunner = (articles: ArticleInput[]) => Promise<ArticleOutcome[]>;

/** A job's progress, as checkpointed after every few articles: where a retried job takes up again. */
export interface JobProgress {
  done: number;
  stored: number;
  unchanged: number;
  errors: ArticleError[];
  /** The outcome of each stored article, kept only for jobs that answer a synchronous POST /articles. */
  outcomes?: ArticleOutcome[];
}

export interface EnqueueOptions {
  /** Keep every article's outcome in the job (for a caller that waits and reports them). */
  keepOutcomes?: boolean;
}

/** A job as its status reads, with the outcomes when the job keeps them. */
export type JobStatus = IngestJob & { outcomes?: ArticleOutcome[] };

/** Takes jobs one at a time; `stop` lets the article under way finish and leaves the rest of the job for a retry. */
export interface JobConsumer {
  stop(): Promise<void>;
}

/**
 * Durable ingestion jobs. Any number of processes enqueue; jobs are applied one at a time across all consumers, so
 * linking always sees the store as the previous article left it.
 */
export interface JobQueue {
  /** True when jobs go to a queue server that other processes share (QUEUE_URL), false for the one in DATA_DIR. */
  readonly shared: boolean;
  enqueue(items: JobItem[], options?: EnqueueOptions): Promise<JobStatus>;
  get(id: string): Promise<JobStatus | undefined>;
  consume(runner: JobRunner): Promise<JobConsumer>;
  close(): Promise<void>;
}
