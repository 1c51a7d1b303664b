import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config.ts';
import { openBackend } from '../bootstrap.ts';
import { collectArticleFiles, InputError, iterateArticles, readArticles } from '../ingestion/read/index.ts';
import type { ArticleInput } from '../ingestion/types.ts';
import { BATCH_BYTES, BATCHES_PER_LOCK } from '../service/ingest-batch.ts';
import { MeiliConfigError } from '../storage/meili/embedded/errors.ts';
import { StoreUnavailableError } from '../storage/meili/client.ts';
import { openJobQueue, type JobQueue } from '../queue/index.ts';
import { progressReporter } from './progress.ts';

const USAGE = 'usage: npm run index -- <file|directory> [more …]   (.txt, .html, .json, .ndjson)';

/**
 * Ingests files into the same store `npm start` uses (sharing its running Meilisearch when there is one), or, with
 * QUEUE_URL set, queues them as one job for the workers and follows it. Every file or article that fails is reported
 * with its reason; the others are ingested anyway; the exit code is 1 when any failed.
 */
export async function runIndexCli(args: string[], env = process.env, stop?: AbortSignal): Promise<number> {
  if (!args.length || args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return args.length ? 0 : 2;
  }
  const config = loadConfig(env);
  const logger = pino({ level: env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const files = await collectArticleFiles(args);
  if (!files.length) {
    process.stderr.write(`polyquote index: no article files found in ${args.join(' ')}\n${USAGE}\n`);
    return 1;
  }
  if (config.QUEUE_URL) return enqueueFiles(files, await openJobQueue(config, logger), stop);
  const backend = await openBackend(config, logger, { shareRunning: true });
  const failures: Array<{ file: string; reason: string }> = [];
  const failedFiles = new Set<string>();
  const fail = (file: string, reason: string) => {
    failures.push({ file, reason });
    failedFiles.add(file);
  };
  let articles = 0;
  let unchanged = 0;
  let quotes = 0;
  let read = 0;
  const progress = progressReporter(files.length);
  // One run across the batches of files: each finds the articles of the earlier ones in memory.
  const run = backend.services.ingest.bulkRun();
  // Articles gathered across files until a batch is full; each remembers its file, to name it when it fails.
  let pending: Array<{ input: ArticleInput; file: string }> = [];
  let pendingChars = 0;
  const ingestPending = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingChars = 0;
    try {
      const { outcomes } = await backend.services.ingest.ingestBatch(batch.map((p) => p.input), { maxArticles: config.INDEX_BATCH_ARTICLES, run });
      outcomes.forEach((outcome, k) => {
        if (outcome.status === 'stored') {
          articles++;
          quotes += outcome.quotes.length;
        } else if (outcome.status === 'unchanged') unchanged++;
        else fail(batch[k].file, `${outcome.id}: ${outcome.problem.detail}`);
      });
    } catch (error) {
      for (const file of new Set(batch.map((p) => p.file))) fail(file, reasonOf(error));
    }
    progress.articles(articles + unchanged);
    progress.update(position.done, position.file);
  };
  const position = { done: 0, file: '' };
  try {
    for (const [done, file] of files.entries()) {
      // Stopped: the batch under way is finished (its articles land whole), the other files are left for a re-run.
      if (stop?.aborted) break;
      Object.assign(position, { done, file });
      progress.update(done, file);
      read++;
      try {
        for await (const input of iterateArticles(file, { onInvalid: (error) => fail(file, error.message) })) {
          pending.push({ input, file });
          pendingChars += input.text.length;
          // Several batches at a time, which the pipeline overlaps (one indexed while the next is linked).
          if (pending.length >= config.INDEX_BATCH_ARTICLES * BATCHES_PER_LOCK || pendingChars >= BATCH_BYTES * BATCHES_PER_LOCK) await ingestPending();
        }
      } catch (error) {
        fail(file, reasonOf(error));
      }
    }
    await ingestPending();
    progress.update(stop?.aborted ? read : files.length, stop?.aborted ? 'stopped' : 'done');
    progress.finish();
  } finally {
    await backend.close();
  }
  const seconds = progress.seconds();
  process.stdout.write(
    `ingested ${articles} articles (${quotes} quotes) from ${read - failedFiles.size} of ${files.length} files` +
      `${unchanged ? `; ${unchanged} unchanged articles left as they were` : ''} in ${seconds.toFixed(1)} s (${Math.round((articles + unchanged) / Math.max(seconds, 0.001))} articles/s)\n`,
  );
  for (const failure of failures) process.stderr.write(`failed: ${failure.file}: ${failure.reason}\n`);
  if (stop?.aborted) {
    process.stderr.write(`polyquote index: stopped by ${String(stop.reason)} after ${read} of ${files.length} files; run it again for the rest\n`);
    return 130;
  }
  return failures.length ? 1 : 0;
}

/**
 * With a shared queue (QUEUE_URL) the files' articles become one job, which the workers apply like any other, and
 * the progress bar follows it. Stopping the CLI stops the following, not the job.
 */
async function enqueueFiles(files: string[], jobs: JobQueue, stop?: AbortSignal): Promise<number> {
  const failures: Array<{ file: string; reason: string }> = [];
  const articles: ArticleInput[] = [];
  /** Where each file's articles start in the job, to name the file of a failed article. */
  const starts: Array<{ start: number; file: string }> = [];
  try {
    for (const file of files) {
      try {
        const read = await readArticles(file);
        starts.push({ start: articles.length, file });
        articles.push(...read);
      } catch (error) {
        failures.push({ file, reason: reasonOf(error) });
      }
    }
    if (!articles.length) {
      for (const failure of failures) process.stderr.write(`failed: ${failure.file}: ${failure.reason}\n`);
      return 1;
    }
    // Read and checked by the file readers already (with fields the API does not take, such as a `Source:` line's URL).
    let job = await jobs.enqueue(articles.map((article) => ({ article })));
    process.stdout.write(`queued ${articles.length} articles as job ${job.id} (GET /ingest-jobs/${job.id})\n`);
    const progress = progressReporter(job.total, process.stderr, 'articles');
    while (job.status !== 'completed' && !stop?.aborted) {
      progress.articles(job.done);
      progress.update(job.done, job.status);
      await sleep(JOB_POLL_MS, undefined, { signal: stop }).catch(() => undefined);
      job = (await jobs.get(job.id)) ?? job;
    }
    progress.update(job.done, stop?.aborted ? 'stopped following' : 'done');
    progress.finish();
    if (stop?.aborted) {
      process.stderr.write(`polyquote index: stopped following job ${job.id} (${job.done}/${job.total}); the workers go on with it\n`);
      return 130;
    }
    process.stdout.write(`job ${job.id}: ${job.stored} articles stored, ${job.unchanged} unchanged, ${job.failed} failed, from ${files.length - failures.length} of ${files.length} files\n`);
    for (const error of job.errors) {
      const file = [...starts].reverse().find((s) => s.start <= error.index)?.file;
      failures.push({ file: file ?? '?', reason: `article ${error.articleId ?? error.index}: ${error.message}` });
    }
  } finally {
    await jobs.close();
  }
  for (const failure of failures) process.stderr.write(`failed: ${failure.file}: ${failure.reason}\n`);
  return failures.length ? 1 : 0;
}

const JOB_POLL_MS = 500;

function reasonOf(error: unknown): string {
  if (error instanceof InputError || error instanceof StoreUnavailableError) return error.message;
  return `unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // SIGINT/SIGTERM (to npm, which forwards them, or to this process) stop between files, so that a Meilisearch this
  // run started is stopped too instead of being left behind by the default action.
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop.abort(signal));
  runIndexCli(process.argv.slice(2), process.env, stop.signal).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof MeiliConfigError || error instanceof InputError;
      process.stderr.write(`polyquote index: ${known ? (error as Error).message : `failed: ${(error as Error)?.message ?? error}`}\n`);
      process.exit(1);
    },
  );
}
