/**
 * The API over a given Meilisearch (an external one, or one reached through a fault proxy), with a chosen client
 * timeout: what build(t) does for the shared test Meilisearch, for the tests that need to control the connection.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/http/app.ts';
import { LocalJobQueue } from '../../src/queue/local.ts';
import { IngestService } from '../../src/service/ingest.ts';
import { createMeiliClient } from '../../src/storage/meili/client.ts';
import { Store } from '../../src/storage/store.ts';
import { servicesOver as servicesOverStore, type Services } from '../../src/http/services.ts';
import { TEST_API_KEY } from '../helpers/build.ts';

interface TestContext {
  teardown(fn: () => unknown): void;
}

export const AUTH = { authorization: `Bearer ${TEST_API_KEY}` };

export type StoreServices = Services & { store: Store };

/** The services, and the store under them for the tests that look at what is stored. */
export function servicesOver(conn: { url: string; masterKey: string }, options: { timeoutMs?: number; prefix?: string } = {}): StoreServices {
  const client = createMeiliClient({ url: conn.url, masterKey: conn.masterKey, timeoutMs: options.timeoutMs ?? 2_000 });
  const store = new Store(client, options.prefix ?? `r${randomBytes(4).toString('hex')}_`);
  // The queue's directory is made only when a job is posted, which these tests do not do.
  const jobs = new LocalJobQueue(path.join(os.tmpdir(), `polyquote-unused-jobs-${randomBytes(4).toString('hex')}`));
  return { store, ...servicesOverStore(store, { ingest: new IngestService(store, { linkThreshold: 0.6 }), jobs }) };
}

/** The app over `services`; their store is set up first unless `setup` is false (then it need not be given). */
export async function appOver(t: TestContext, services: Services & Partial<StoreServices>, { setup = true } = {}) {
  if (setup) await services.store!.setup();
  const app = await buildApp(
    {
      apiKey: TEST_API_KEY,
      CORS_ORIGINS: [],
      RATE_LIMIT_MAX: 1_000_000,
      RATE_LIMIT_WINDOW_MS: 60_000,
      BODY_LIMIT_BYTES: 10 * 1024 * 1024,
    },
    services,
    { logger: false },
  );
  await app.ready();
  t.teardown(() => app.close());
  return app;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
