import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Meilisearch, Settings } from 'meilisearch';
import { guarded, meiliErrorCode, settled } from './client.ts';

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

/** True when every setting the file names already holds on the server (the server adds defaults of its own). */
function alreadyApplied(wanted: Settings, current: Settings): boolean {
  return Object.entries(wanted).every(([key, value]) => {
    const held = (current as Record<string, unknown>)[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && held && typeof held === 'object') {
      return alreadyApplied(value as Settings, held as Settings);
    }
    return isDeepStrictEqual(value, held);
  });
}

/** Creates the indexes and applies index-config/ to them; a no-op when nothing changed. */
export async function applyIndexConfig(client: Meilisearch, prefix: string, dir = CONFIG_DIR): Promise<void> {
  for (const name of INDEX_NAMES) {
    const uid = prefix + name;
    const config = await readIndexConfig(name, dir);
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
    if (!(await exists())) {
      // Several nodes starting at once on a new store all try to create it: one creation wins, the others find it made.
      await settled(client, () => client.createIndex(uid, { primaryKey: config.primaryKey })).catch(async (error: unknown) => {
        if (!(await exists())) throw error;
      });
    }
    const index = client.index(uid);
    const current = await guarded(() => index.getSettings());
    if (!alreadyApplied(config.settings, current)) await settled(client, () => index.updateSettings(config.settings));
  }
}
