import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { collectArticleFiles, readArticles } from './ingestion/read/index.ts';
import type { ArticleInput } from './ingestion/types.ts';
import type { Services } from './http/services.ts';
import type { BatchOptions } from './service/ingest-batch.ts';

export const SAMPLES_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

/** The bundled sample articles (the HTML page loads the HTML reader: a quarter of a second's work). */
export async function readSamples(dir = SAMPLES_DIR): Promise<ArticleInput[]> {
  if (!existsSync(dir)) return [];
  const articles = [];
  for (const file of await collectArticleFiles([dir])) articles.push(...(await readArticles(file)));
  return articles;
}

/**
 * Loads the sample articles into an empty store, so a newcomer sees real answers at once. `read` gives them (read
 * ahead, or read now); a store with articles does not ask for them.
 */
export async function loadSamplesIfEmpty(services: Services, logger: Logger, read: () => Promise<ArticleInput[]>, options: Pick<BatchOptions, 'onSent'> = {}): Promise<number> {
  if ((await services.queries.countArticles()) > 0) return 0;
  const articles = await read();
  if (!articles.length) return 0;
  await services.ingest.ingest(articles, options);
  logger.info({ articles: articles.length }, 'sample articles loaded into the empty store');
  return articles.length;
}
