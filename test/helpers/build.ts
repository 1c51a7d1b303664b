/**
 * The API as tests use it: `const { app, services } = await build(t)` gives a ready Fastify instance over a real
 * embedded Meilisearch private to the test file, with index names of its own, closed in t.teardown.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type AppConfig } from '../../src/http/app.ts';
import { LocalJobQueue } from '../../src/queue/local.ts';
import { IngestService } from '../../src/service/ingest.ts';
import { createMeiliClient } from '../../src/storage/meili/client.ts';
import { Store } from '../../src/storage/store.ts';
import { servicesOver, type Services } from '../../src/http/services.ts';
import { testMeili, type TestMeili } from './meili.ts';

export const TEST_API_KEY = 'test-api-key-0123456789';

interface TestContext {
  teardown(fn: () => unknown): void;
}

const meiliPerContext = new WeakMap<object, Promise<TestMeili>>();

/** One Meilisearch per test file: every build(t) in the file shares it, with its own index prefix. */
export function sharedMeili(t: TestContext): Promise<TestMeili> {
  const root = rootOf(t);
  if (!meiliPerContext.has(root)) meiliPerContext.set(root, testMeili(root));
  return meiliPerContext.get(root)!;
}

function rootOf(t: TestContext): TestContext {
  let node = t as TestContext & { parent?: TestContext };
  while (node.parent) node = node.parent as TestContext & { parent?: TestContext };
  return node;
}

/** The services, and the store under them for the tests that look at what is stored. */
export async function buildServices(t: TestContext, options: { linkThreshold?: number; timeoutMs?: number } = {}): Promise<Services & { store: Store; meili: TestMeili }> {
  const meili = await sharedMeili(t);
  const client = createMeiliClient({ url: meili.url, masterKey: meili.masterKey, timeoutMs: options.timeoutMs ?? 5_000 });
  const store = new Store(client, `t${randomBytes(4).toString('hex')}_`);
  await store.setup();
  const jobsDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-test-jobs-'));
  t.teardown(() => rm(jobsDir, { recursive: true, force: true }));
  return {
    meili,
    store,
    ...servicesOver(store, { ingest: new IngestService(store, { linkThreshold: options.linkThreshold ?? 0.6 }), jobs: new LocalJobQueue(jobsDir) }),
  };
}

export async function build(t: TestContext, config: Partial<AppConfig> = {}) {
  const services = await buildServices(t);
  const app = await buildApp(
    {
      apiKey: TEST_API_KEY,
      CORS_ORIGINS: ['https://cms.example'],
      RATE_LIMIT_MAX: 10_000,
      RATE_LIMIT_WINDOW_MS: 60_000,
      BODY_LIMIT_BYTES: 10 * 1024 * 1024,
      ...config,
    },
    services,
    { logger: false },
  );
  await app.ready();
  t.teardown(() => app.close());
  return { app, services, auth: { authorization: `Bearer ${TEST_API_KEY}` } };
}
