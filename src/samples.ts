import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { collectArticleFiles, readArticles } from './ingestion/read/index.ts';
import type { Services } from './http/services.ts';

export const SAMPLES_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

/** Loads the bundled sample articles into an empty store, so a newcomer sees real answers at once. */
export async function loadSamplesIfEmpty(services: Services, logger: Logger, dir = SAMPLES_DIR): Promise<number> {
  if (!existsSync(dir) || (await services.queries.countArticles()) > 0) return 0;
  const articles = [];
  for (const file of await collectArticleFiles([dir])) articles.push(...(await readArticles(file)));
  await services.ingest.ingest(articles);
  logger.info({ articles: articles.length }, 'sample articles loaded into the empty store');
  return articles.length;
}
