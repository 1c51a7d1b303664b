import { setTimeout as sleep } from 'node:timers/promises';
import type { ArticleInput } from '../ingestion/types.ts';
import type { JobQueue, JobStatus } from '../queue/types.ts';
import type { Store } from '../storage/store.ts';
import type { IngestResult } from './ingest.ts';

/** The job of a synchronous post has not finished in the time the caller waits: it goes on, and can be followed. */
export class JobStillRunningError extends Error {
  constructor(readonly jobId: string) {
    super(`the articles are queued as ingestion job ${jobId}, which has not finished yet; follow it at /ingest-jobs/${jobId}`);
  }
}

/** An article of a synchronous post that could not be stored. */
export class ArticleNotStoredError extends Error {}

/**
 * POST /articles when jobs go through a shared queue: the articles become a job like any other (so linking stays
 * serialised with every other writer), and the caller waits for it and gets the same report as a direct ingest.
 */
export class QueuedIngestService {
  constructor(
    private readonly jobs: JobQueue,
    private readonly store: Store,
  ) {}

  ingest(articles: ArticleInput[], options: { timeoutMs: number }): Promise<IngestResult> {
    return ingestThroughQueue(this.jobs, this.store, articles, options);
  }
}

async function ingestThroughQueue(jobs: JobQueue, store: Store, articles: ArticleInput[], { timeoutMs }: { timeoutMs: number }): Promise<IngestResult> {
  // Validated by the route already.
  const job = await finished(jobs, (await jobs.enqueue(articles.map((article) => ({ article })), { keepOutcomes: true })).id, timeoutMs);
  const failure = job.errors[0];
  if (failure) throw new ArticleNotStoredError(`article ${failure.articleId ?? failure.index}: ${failure.message}`);
  const ids = articles.map((a) => a.id);
  const [docs, quotes] = await Promise.all([store.articlesByIds(ids, ['id', 'lang', 'quoteIds']), store.quotesOfArticles(ids)]);
  const docById = new Map(docs.map((doc) => [doc.id, doc]));
  const position = new Map(ids.map((id, k) => [id, k]));
  return {
    articles: (job.outcomes ?? []).map((outcome) => {
      const doc = docById.get(outcome.id);
      return outcome.status === 'stored'
        ? { id: outcome.id, lang: outcome.lang, quotes: outcome.quotes, replaced: outcome.replaced }
        : { id: outcome.id, lang: doc?.lang ?? 'und', quotes: doc?.quoteIds.length ?? 0, replaced: true };
    }),
    quotes: quotes.sort((x, y) => position.get(x.articleId)! - position.get(y.articleId)! || x.seq - y.seq),
  };
}

/** Polls the job until it completes, quickly at first: a small job behind an idle worker takes milliseconds. */
async function finished(jobs: JobQueue, id: string, timeoutMs: number): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
    const job = await jobs.get(id);
    if (job?.status === 'completed') return job;
    if (Date.now() + pause > deadline) throw new JobStillRunningError(id);
    await sleep(pause);
  }
}
