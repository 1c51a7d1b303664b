import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { collectArticleFiles, readArticles } from './ingestion/read/index.ts';
import type { Services } from './http/services.ts';

export const SAMPLES_DIR = fileURLToPath(new URL('../samples/', import.meta.url));

/** Loads the bundled sample articles into an empty store, so a newcomer sees real answers at once. */
export async function loadSamplesIfEmpty(services: Services, logger: Logger, dir = SAMPLES_DIR): Promise<number> {
  if (!existsSync(dir) || (await services.store.countArticles()) > 0) return 0;
  let loaded = 0;
  for (const file of await collectArticleFiles([dir])) {
    const articles = await readArticles(file);
    await services.ingest.ingest(articles);
    loaded += articles.length;
  }
  logger.info({ articles: loaded }, 'sample articles loaded into the empty store');
  return loaded;
}
