import YAML from 'yaml';
import { buildApp } from './app.ts';
import { servicesOver } from './services.ts';
import { LocalJobQueue } from '../queue/local.ts';
import { IngestService } from '../service/ingest.ts';
import { createMeiliClient } from '../storage/meili/client.ts';
import { Store } from '../storage/store.ts';

/** The OpenAPI document as the server serves it; building it touches no Meilisearch and no job queue. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const store = new Store(createMeiliClient({ url: 'http://127.0.0.1:9', masterKey: 'unused', timeoutMs: 1000 }));
  const app = await buildApp(
    { apiKey: 'unused-unused-unused', CORS_ORIGINS: [], RATE_LIMIT_MAX: 1, RATE_LIMIT_WINDOW_MS: 1000, BODY_LIMIT_BYTES: 1024 },
    servicesOver(store, { ingest: new IngestService(store, { linkThreshold: 1 }), jobs: new LocalJobQueue('/nonexistent') }),
    { logger: false },
  );
  await app.ready();
  const document = app.swagger() as Record<string, unknown>;
  await app.close();
  return document;
}

export const toYaml = (document: Record<string, unknown>) => YAML.stringify(document, { lineWidth: 0 });
