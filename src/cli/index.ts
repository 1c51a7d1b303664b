import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config.ts';
import { openBackend } from '../bootstrap.ts';
import { collectArticleFiles, InputError, iterateArticles } from '../ingestion/read/index.ts';
import type { ArticleInput } from '../ingestion/types.ts';
import { BATCH_BYTES } from '../service/ingest-batch.ts';
import { MeiliConfigError } from '../storage/meili/embedded/errors.ts';
import { StoreUnavailableError } from '../storage/meili/client.ts';
import { progressReporter } from './progress.ts';

const USAGE = 'usage: npm run index -- <file|directory> [more …]   (.txt, .html, .json, .ndjson)';

/**
 * Ingests files into the same store `npm start` uses (sharing its running Meilisearch when there is one). Every file
 * that fails is reported with its reason; the others are ingested anyway; the exit code is 1 when any failed.
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
  // Articles gathered across files until a batch is full; each remembers its file, to name it when it fails.
  let pending: Array<{ input: ArticleInput; file: string }> = [];
  let pendingChars = 0;
  const ingestPending = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    pendingChars = 0;
    try {
      const { outcomes } = await backend.services.ingest.ingestBatch(batch.map((p) => p.input), { maxArticles: config.INDEX_BATCH_ARTICLES });
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
          if (pending.length >= config.INDEX_BATCH_ARTICLES || pendingChars >= BATCH_BYTES) await ingestPending();
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
