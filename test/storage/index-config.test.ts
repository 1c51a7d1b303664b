import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { createMeiliClient } from '../../src/storage/meili/client.ts';
import { applyIndexConfig, INDEX_NAMES } from '../../src/storage/meili/index-config.ts';
import { testMeili } from '../helpers/meili.ts';

const CONFIG_DIR = fileURLToPath(new URL('../../index-config/', import.meta.url));

t.test('index-config is applied once: a start with nothing changed sends Meilisearch nothing, an edited file is applied', async (t) => {
  const { url, masterKey } = await testMeili(t);
  const client = createMeiliClient({ url, masterKey, timeoutMs: 30_000 });
  const prefix = 'cfg_';
  const indexUids = INDEX_NAMES.map((name) => prefix + name);
  const tasks = async () => (await client.tasks.getTasks({ indexUids, limit: 100 })).results.length;

  await applyIndexConfig(client, prefix);
  const afterFirst = await tasks();
  t.ok(afterFirst >= 6, 'each index created and configured');
  const quotes = await client.index(`${prefix}quotes`).getSettings();
  t.equal(quotes.prefixSearch, 'disabled', 'the files are what the server holds');
  t.same((await client.index(`${prefix}articles`).getSettings()).searchableAttributes, []);

  // Sortable and filterable attributes come back sorted: a different order is not a change.
  await applyIndexConfig(client, prefix);
  t.equal(await tasks(), afterFirst, 'a second start sends no task');

  const edited = await mkdtemp(path.join(os.tmpdir(), 'polyquote-index-config-'));
  t.teardown(() => rm(edited, { recursive: true, force: true }));
  await cp(CONFIG_DIR, edited, { recursive: true });
  const file = path.join(edited, 'speakers.json');
  const config = JSON.parse(await readFile(file, 'utf8'));
  config.settings.pagination = { maxTotalHits: 5_000 };
  await writeFile(file, JSON.stringify(config));
  await applyIndexConfig(client, prefix, edited);
  t.equal(await tasks(), afterFirst + 1, 'the edited index only');
  t.equal((await client.index(`${prefix}speakers`).getSettings()).pagination?.maxTotalHits, 5_000);
});
