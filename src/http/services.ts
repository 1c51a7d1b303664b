import type { JobQueue } from '../queue/types.ts';
import type { IngestService } from '../service/ingest.ts';
import type { QueryService } from '../service/queries.ts';
import type { Store } from '../storage/store.ts';

/** What the routes can reach: domain services, never Meilisearch directly. */
export interface Services {
  store: Store;
  queries: QueryService;
  ingest: IngestService;
  jobs: JobQueue;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
