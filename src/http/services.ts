import type { Logger } from 'pino';
import type { JobQueue } from '../queue/types.ts';
import type { IngestService } from '../service/ingest.ts';
import { QueryService } from '../service/queries.ts';
import { QueuedIngestService } from '../service/queued-ingest.ts';
import { VerifyService } from '../service/verify.ts';
import type { Store } from '../storage/store.ts';

/** What the routes can reach: domain services, never the store or Meilisearch. */
export interface Services {
  queries: QueryService;
  verify: VerifyService;
  ingest: IngestService;
  /** POST /articles when jobs go through a shared queue. */
  queuedIngest: QueuedIngestService;
  jobs: JobQueue;
}

/** The services over one store, around the ingestion and job queue configured for it. */
export function servicesOver(store: Store, { ingest, jobs, logger }: { ingest: IngestService; jobs: JobQueue; logger?: Logger }): Services {
  const queries = new QueryService(store, logger?.child({ component: 'queries' }));
  return { queries, verify: new VerifyService(store, queries), ingest, queuedIngest: new QueuedIngestService(jobs, store), jobs };
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
