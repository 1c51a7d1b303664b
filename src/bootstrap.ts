import { randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { ConfigError, type Config } from './config.ts';
import { moment } from './shared/moment.ts';
import { startedEarly } from './shared/started-early.ts';
import { findRunningMeili, hasEmbeddedDatabase, startEmbeddedMeili, type EmbeddedMeili, type MeiliConnection } from './storage/meili/embedded/supervisor.ts';
import type { BackendServices } from './backend-services.ts';
import type { Store } from './storage/store.ts';
import type { WriteLock } from './storage/write-lock.ts';
import type { Services } from './http/services.ts';

export interface Backend {
  services: Services;
  /** For what works on the store itself rather than through the services (tests, tooling). */
  store: Store;
  connection: MeiliConnection;
  /** Stops what this process started (the embedded Meilisearch, queue connections); leaves an external or shared one running. */
  close(): Promise<void>;
}

/** The Meilisearch a backend works on, and the embedded one when this process started it. */
interface MeiliHandle {
  connection: MeiliConnection;
  embedded?: EmbeddedMeili;
}

/**
 * Meilisearch: the external one of MEILI_URL, the embedded one another polyquote process already runs on DATA_DIR
 * (when `shareRunning`), or a new embedded one, once it answers.
 */
async function connectMeili(config: Config, logger: Logger, shareRunning: boolean, onSpawn: () => void): Promise<MeiliHandle> {
  if (config.MEILI_URL) return { connection: { url: config.MEILI_URL, masterKey: config.MEILI_MASTER_KEY! } };
  const running = shareRunning ? await findRunningMeili(config.DATA_DIR) : undefined;
  if (running) return { connection: running };
  const embedded = await startEmbeddedMeili({
    dataDir: config.DATA_DIR,
    bin: config.MEILI_BIN,
    // The CLI shares a Meilisearch another polyquote process is still starting; the server refuses to double up.
    ifRunning: shareRunning ? 'reuse' : 'fail',
    logger: logger.child({ component: 'meilisearch' }),
    onRestart: (info) => logger.warn(info, 'Meilisearch restarted by the supervisor'),
    onSpawn,
  });
  return { connection: embedded, embedded };
}

export interface OpenOptions {
  /** Use the embedded Meilisearch another polyquote process runs on DATA_DIR (the CLI, workers). */
  shareRunning?: boolean;
  /**
   * Called once Meilisearch is started (spawned, not yet answering) or found: from then on, other work can go on
   * beside its start without holding it up.
   */
  onMeiliStarted?: () => void;
}

/** Connects to Meilisearch (see `connectMeili`), applies index-config/ and builds the services. */
export async function openBackend(config: Config, logger: Logger, { shareRunning = false, onMeiliStarted }: OpenOptions = {}): Promise<Backend> {
  // Nothing loads before Meilisearch is spawned: the few hundred files of the modules below would queue the file
  // operations of its start behind theirs (measured: its spawn a third to half a second later). They load while it
  // starts and its indexes are configured: the write lock's, the store's (undici, meilisearch) and the services' (the
  // ingestion pipeline: most of what a process loads).
  const meiliStarted = moment();
  if (onMeiliStarted) void meiliStarted.reached.then(onMeiliStarted);
  const writeLock = startedEarly(meiliStarted.reached.then(() => openWriteLock(config, logger)));
  const storeModules = startedEarly(meiliStarted.reached.then(() => Promise.all([import('./storage/meili/client.ts'), import('./storage/store.ts')])));
  const servicesModule = startedEarly(meiliStarted.reached.then(() => import('./backend-services.ts')));
  const { connection, embedded } = await connectMeili(config, logger, shareRunning, meiliStarted.reach);
  meiliStarted.reach();
  let store: Store;
  let built: BackendServices;
  try {
    const [{ createMeiliClient }, { Store }] = await storeModules;
    const client = createMeiliClient({ url: connection.url, masterKey: connection.masterKey, timeoutMs: config.MEILI_TIMEOUT_MS });
    store = new Store(client, config.INDEX_PREFIX);
    await store.setup();
    built = await (await servicesModule).openServices(store, config, logger, await writeLock);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    services: built.services,
    store,
    connection,
    close: async () => {
      await built.close();
      await embedded?.stop();
    },
  };
}

/** Whether the store is sure to start empty: an embedded one without its database yet (an external one must be asked). */
export function storeIsNew(config: Config): boolean {
  return !config.MEILI_URL && !hasEmbeddedDatabase(config.DATA_DIR);
}

/**
 * The lock that serialises writes with the other polyquote processes on this DATA_DIR (`npm run index` while the
 * server runs). The embedded store needs DATA_DIR writable anyway; an external one may run where it is not (a
 * read-only container): then writes go unserialised across processes, with a warning rather than a refusal.
 */
async function openWriteLock(config: Config, logger: Logger): Promise<WriteLock | undefined> {
  const { FileWriteLock, WRITE_LOCK_FILE } = await import('./storage/write-lock.ts');
  const lock = new FileWriteLock(path.join(config.DATA_DIR, WRITE_LOCK_FILE));
  if (!config.MEILI_URL) return lock; // the embedded Meilisearch reports an unusable DATA_DIR in its own words
  try {
    await mkdir(config.DATA_DIR, { recursive: true });
    await access(config.DATA_DIR, fsc.W_OK);
  } catch (error) {
    logger.warn(
      { dataDir: config.DATA_DIR, err: error },
      'DATA_DIR is not writable: writes of this process are not serialised with other polyquote processes (set DATA_DIR to a writable directory shared by the server and the CLI)',
    );
    return undefined;
  }
  return lock;
}

/**
 * The key write routes require. Unset with the embedded store (a developer's machine): one is generated once, kept in
 * DATA_DIR and printed. Unset with an external store (production): refuse to start.
 */
export async function resolveApiKey(config: Config, announce: (key: string) => void): Promise<string> {
  if (config.API_KEY) return config.API_KEY;
  if (config.MEILI_URL) throw new ConfigError('API_KEY is required when MEILI_URL is set (write routes need it)');
  const file = path.join(config.DATA_DIR, 'api.key');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) {
    announce(existing.trim());
    return existing.trim();
  }
  const key = randomBytes(24).toString('base64url');
  await mkdir(config.DATA_DIR, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  announce(key);
  return key;
}
