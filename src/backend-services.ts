import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { servicesOver, type Services } from './http/services.ts';
import { ExtractionPool } from './ingestion/pool/index.ts';
import { createEmbedderEdges } from './linking/embedder.ts';
import { openJobQueue } from './queue/index.ts';
import { IngestService } from './service/ingest.ts';
import type { Store } from './storage/store.ts';
import type { WriteLock } from './storage/write-lock.ts';

export interface BackendServices {
  services: Services;
  /** Stops the extraction pool and the job queue's connections. */
  close(): Promise<void>;
}

/**
 * The services over a store: ingestion (its extraction pool, the optional embedder), the job queue, queries. Its own
 * module, loaded by `openBackend` while Meilisearch starts: the ingestion pipeline is most of what a process loads.
 */
export async function openServices(store: Store, config: Config, logger: Logger, writeLock: WriteLock | undefined): Promise<BackendServices> {
  const extraction = new ExtractionPool({ workerFile: new URL('./service/read-worker.ts', import.meta.url) });
  const services = servicesOver(store, {
    logger,
    jobs: await openJobQueue(config, logger.child({ component: 'jobs' })),
    ingest: new IngestService(store, {
      linkThreshold: config.LINK_THRESHOLD,
      extract: (inputs) => extraction.extract(inputs),
      ...(writeLock ? { writeLock } : {}),
      // Optional: without EMBEDDER_URL the linker works alone.
      ...(config.EMBEDDER_URL
        ? {
            extraEdges: createEmbedderEdges({
              url: config.EMBEDDER_URL,
              model: config.EMBEDDER_MODEL,
              apiKey: config.EMBEDDER_API_KEY,
              minSimilarity: config.EMBEDDER_MIN_SIMILARITY,
              // Ingestion waits for it inside the write queue: a slow embedder must not hold every write up for long.
              timeoutMs: 3_000,
              logger: logger.child({ component: 'embedder' }),
            }),
          }
        : {}),
    }),
  });
  return {
    services,
    close: async () => {
      await extraction.close();
      await services.jobs.close();
    },
  };
}
