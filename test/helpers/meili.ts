/**
 * A private Meilisearch for a test file: `const { url, masterKey } = await testMeili(t)`.
 * Starts an embedded Meilisearch in a fresh temporary data dir and stops it (and removes the dir) in t.teardown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedMeili, type EmbeddedMeili, type EmbeddedMeiliOptions } from '../../src/storage/meili/embedded/supervisor.ts';

interface Teardownable {
  teardown(fn: () => unknown): void;
}

export interface TestMeili {
  url: string;
  masterKey: string;
  /** the embedded server itself (pid, stop, …) for tests that need it */
  meili: EmbeddedMeili;
  dataDir: string;
}

export async function testMeili(
  t: Teardownable,
  opts: Omit<EmbeddedMeiliOptions, 'dataDir'> = {},
): Promise<TestMeili> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-test-meili-'));
  let meili: EmbeddedMeili;
  try {
    meili = await startEmbeddedMeili({ bin: process.env.MEILI_BIN, ...opts, dataDir });
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  t.teardown(async () => {
    await meili.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { url: meili.url, masterKey: meili.masterKey, meili, dataDir };
}
