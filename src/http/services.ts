import type { IngestService } from '../service/ingest.ts';
import type { QueryService } from '../service/queries.ts';
import type { Store } from '../storage/store.ts';

/** What the routes can reach: domain services, never Meilisearch directly. */
export interface Services {
  store: Store;
  queries: QueryService;
  ingest: IngestService;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
