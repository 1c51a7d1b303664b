import { createHash } from 'node:crypto';
import type { ArticleInput } from '../ingestion/types.ts';
import type { IngestService } from '../service/ingest.ts';
import { recordContentHashes, storedContentHashes } from '../storage/content-hashes.ts';
import { StoreUnavailableError } from '../storage/meili/client.ts';
import type { Store } from '../storage/store.ts';
import type { ArticleOutcome, JobRunner } from './types.ts';

/** The article as a job carries it, hashed with its id: the same hash means the same stored result. */
export function contentHash(article: ArticleInput): string {
  return createHash('sha256').update(JSON.stringify(article)).digest('base64url');
}

/**
 * The job runner over IngestService: an article stored before with the same content hash is skipped, every other one
 * is ingested on its own, so one that fails fails alone. A store that cannot be reached fails the whole call: the job
 * is retried, not its articles marked failed.
 */
export function ingestRunner(ingest: IngestService, store: Store): JobRunner {
  return async (articles) => {
    const stored = await storedContentHashes(store, [...new Set(articles.map((a) => a.id))]);
    const outcomes: ArticleOutcome[] = [];
    for (const article of articles) {
      const hash = contentHash(article);
      if (stored.get(article.id) === hash) {
        outcomes.push({ id: article.id, status: 'unchanged' });
        continue;
      }
      try {
        const [result] = (await ingest.ingest([article])).articles;
        await recordContentHashes(store, [{ id: article.id, contentHash: hash }]);
        stored.set(article.id, hash);
        outcomes.push({ id: article.id, status: 'stored', lang: result.lang, quotes: result.quotes, replaced: result.replaced });
      } catch (error) {
        if (error instanceof StoreUnavailableError) throw error;
        outcomes.push({ id: article.id, status: 'failed', message: `could not be ingested: ${(error as Error)?.message ?? String(error)}` });
      }
    }
    return outcomes;
  };
}
