/**
 * The shared queue from the CLI's side: with QUEUE_URL set, `npm run index` (the real CLI, a child process) queues its
 * files' articles as one job on Redis, which a worker (here in this process, over a real Meilisearch) applies, and
 * follows it to the end; a file it cannot read is reported and the others are stored.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { BullJobQueue } from '../../src/queue/bullmq.ts';
import { ingestRunner } from '../../src/queue/runner.ts';
import { buildServices } from '../helpers/build.ts';
import { skipWithoutRedis, testRedis } from '../helpers/redis.ts';
import { allQuotes, perArticle, story } from './fixtures.ts';

t.test('npm run index with QUEUE_URL queues one job and follows it', { skip: skipWithoutRedis }, async (t) => {
  const [redis, services] = await Promise.all([testRedis(t), buildServices(t)]);
  const prefix = `q${process.pid}_`;
  const worker = new BullJobQueue({ url: redis.url, name: `${prefix}ingest`, lockMs: 5_000 });
  await worker.consume(ingestRunner(services.ingest));

  const dir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-queue-cli-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const s = story({ n: 7, quotes: 2 });
  await writeFile(path.join(dir, 'a.json'), JSON.stringify([s.vi, s.fr]));
  await writeFile(path.join(dir, 'b.ndjson'), `${JSON.stringify(s.en)}\n${JSON.stringify(s.id)}\n`);
  await writeFile(path.join(dir, 'empty.txt'), '');

  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', dir], {
      env: { ...process.env, QUEUE_URL: redis.url, INDEX_PREFIX: prefix, DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  t.equal(run.code, 1, 'exit 1: one file failed');
  t.match(run.stdout, /queued 4 articles as job [a-z0-9-]+/);
  t.match(run.stdout, /4 articles stored, 0 unchanged, 0 failed, from 2 of 3 files/, run.stderr);
  t.match(run.stderr, /4\/4 articles \(100%\)/, 'the progress bar follows the job');
  t.match(run.stderr, /failed: .*empty\.txt: empty file/);
  t.same(Object.keys(perArticle(await allQuotes(services.store))).sort(), [s.en.id, s.fr.id, s.id.id, s.vi.id].sort());
  // Closed here, while Redis still runs (teardowns stop it).
  await worker.close();
});
