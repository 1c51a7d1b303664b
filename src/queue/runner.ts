import type { IngestService } from '../service/ingest.ts';
import { StoreUnavailableError } from '../storage/meili/client.ts';
import type { ArticleOutcome, JobRunner } from './types.ts';

/**
 * The job runner over the batch pipeline: an article stored before with the same content (id and content hash) is
 * left alone, one that fails fails alone. A store that cannot be reached fails the whole call: the job is retried from
 * its checkpoint, not its articles marked failed.
 */
export function ingestRunner(ingest: IngestService): JobRunner {
  return async (articles) => {
    const { outcomes } = await ingest.ingestBatch(articles);
    return outcomes.map((outcome): ArticleOutcome => {
      if (outcome.status === 'error') {
        if (outcome.error instanceof StoreUnavailableError) throw outcome.error;
        return { id: outcome.id, status: 'failed', message: `could not be ingested: ${outcome.problem.detail}` };
      }
      if (outcome.status === 'unchanged') return { id: outcome.id, status: 'unchanged' };
      const { lang, quotes, replaced } = outcome.article;
      return { id: outcome.id, status: 'stored', lang, quotes, replaced };
    });
  };
}
