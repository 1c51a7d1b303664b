import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Meilisearch, Settings } from 'meilisearch';
import { enqueued, guarded, meiliErrorCode, settled, tasksDone } from './client.ts';

export const INDEX_NAMES = ['quotes', 'speakers', 'articles'] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

const CONFIG_DIR = fileURLToPath(new URL('../../../index-config/', import.meta.url));

interface IndexConfig {
  primaryKey: string;
  settings: Settings;
}

export async function readIndexConfig(name: IndexName, dir = CONFIG_DIR): Promise<IndexConfig> {
  return JSON.parse(await readFile(`${dir}/${name}.json`, 'utf8')) as IndexConfig;
}

/** Settings that are sets: Meilisearch answers them sorted, whatever order they were given in. */
const UNORDERED_SETTINGS = new Set(['sortableAttributes', 'filterableAttributes', 'stopWords', 'separatorTokens', 'nonSeparatorTokens', 'dictionary']);

/** True when every setting the file names already holds on the server (the server adds defaults of its own). */
function alreadyApplied(wanted: Settings, current: Settings): boolean {
  return Object.entries(wanted).every(([key, value]) => {
    const held = (current as Record<string, unknown>)[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && held && typeof held === 'object') {
      return alreadyApplied(value as Settings, held as Settings);
    }
    if (UNORDERED_SETTINGS.has(key) && Array.isArray(value) && Array.isArray(held)) return isDeepStrictEqual(sortedSet(value), sortedSet(held));
    return isDeepStrictEqual(value, held);
  });
}

const sortedSet = (values: unknown[]) => values.map((v) => JSON.stringify(v)).sort();

/**
 * Creates the indexes and applies index-config/ to them; a no-op when nothing changed. The indexes are configured side
 * by side: each step is a task waited for, and every start (the server's, the CLI's) waits for them.
 */
export async function applyIndexConfig(client: Meilisearch, prefix: string, dir = CONFIG_DIR): Promise<void> {
  await Promise.all(INDEX_NAMES.map(async (name) => configureIndex(client, prefix + name, await readIndexConfig(name, dir))));
}

async function configureIndex(client: Meilisearch, uid: string, config: IndexConfig): Promise<void> {
  const exists = () =>
    guarded(() =>
      client.getRawIndex(uid).then(
        () => true,
        (error: unknown) => {
          if (meiliErrorCode(error) === 'index_not_found') return false;
          throw error;
        },
      ),
    );
  const index = client.index(uid);
  if (await exists()) {
    const current = await guarded(() => index.getSettings());
    if (!alreadyApplied(config.settings, current)) await settled(client, () => index.updateSettings(config.settings));
    return;
  }
  // A new index gets its settings sent right behind its creation (Meilisearch applies one index's tasks in order).
  const [creation, settings] = await enqueued(() => client.createIndex(uid, { primaryKey: config.primaryKey }), () => index.updateSettings(config.settings));
  // Several nodes starting at once on a new store all try to create it: one creation wins, the others find it made.
  await tasksDone(client, [creation]).catch(async (error: unknown) => {
    if (!(await exists())) throw error;
  });
  await tasksDone(client, [settings]);
}
