/**
 * More than one machine, as far as one test can show it: three API processes with DATA_DIRs of their own and workers,
 * all the real entry points (src/server.ts, src/worker.ts, built as `npm start` and `npm run worker` run them) as child processes, sharing one Meilisearch and one Redis
 * job queue (QUEUE_URL). Eight clients post 1,000 articles with repeats to the three nodes at once, through jobs and
 * through synchronous POST /articles; the only worker running when the first job starts is killed with SIGKILL in
 * the middle of it, and two others are started. Afterwards every job is completed and the store holds exactly what a
 * single-process ingest of the same articles gives: each article once, the same clusters, the same speaker counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import type { JobStatus } from '../../src/queue/types.ts';
import { Store } from '../../src/storage/store.ts';
import { buildServices, sharedMeili, TEST_API_KEY } from '../helpers/build.ts';
import { skipWithoutRedis, testRedis } from '../helpers/redis.ts';
import { freePort } from './app.ts';
import { allQuotes, clusterProblems, partition, perArticle, rng, shuffle, speakerCounts, story, until, type PostedArticle } from './fixtures.ts';

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
const STORIES = 10;
const POSTS = 1_000;
const CLIENTS = 8;
const AUTH = { authorization: `Bearer ${TEST_API_KEY}` };

// Many processes and a thousand posts on a 2-core machine: more than the suite's 300 s per file.
t.setTimeout(900_000);

t.test('3 API nodes, 8 clients, 1,000 articles with repeats, a worker killed mid-job', { skip: skipWithoutRedis }, async (t) => {
  t.comment(`SEED=${SEED}`);
  const rand = rng(SEED);
  const [meili, redis] = await Promise.all([sharedMeili(t), testRedis(t)]);
  const env = {
    ...process.env,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    INDEX_PREFIX: `m${SEED}_`,
    QUEUE_URL: redis.url,
    // A killed worker's job goes back to the queue once its lock lapses.
    QUEUE_LOCK_MS: '2000',
    API_KEY: TEST_API_KEY,
    LOG_LEVEL: 'warn',
    LOAD_SAMPLES: 'false',
  };
  const processes: ChildProcess[] = [];
  const killAll = () => processes.forEach((child) => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'));
  // A test killed by its timeout runs no teardown: the nodes must not outlive it.
  process.once('exit', killAll);
  t.teardown(() => Promise.all(processes.map((child) => stopped(child, 'SIGKILL'))));
  const start = async (entry: 'server' | 'worker', extra: Record<string, string> = {}) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `polyquote-${entry}-`));
    t.teardown(() => rm(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['scripts/start.mjs', entry], { env: { ...env, DATA_DIR: dataDir, ...extra }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('exit', (code, signal) => signal !== 'SIGKILL' && code !== 0 && t.comment(`${entry} exited ${code}: ${stderr}`));
    processes.push(child);
    return child;
  };

  // 40 articles (10 stories in 4 languages), each posted 25 times: 1,000 posts. Kept few: one ingest takes about a
  // second on a busy 2-core CI machine, and the repeats (skipped by content hash) are what tests idempotence.
  const unique: PostedArticle[] = Array.from({ length: STORIES }, (_, n) => Object.values(story({ n, quotes: 2 }))).flat();
  const posts = shuffle(Array.from({ length: POSTS }, (_, k) => unique[k % unique.length]), rand);
  t.equal(new Set(posts.map((a) => a.id)).size, unique.length, 'every article is posted');

  // the reference: every article once, in one process
  const reference = await buildServices(t);
  for (const a of unique) await reference.ingest.ingest([a]);
  const want = await allQuotes(reference.store);
  t.same(clusterProblems(want), []);
  t.ok(partition(want).some((c) => c.length >= 4), 'the reference links quotes across the four languages');

  const ports = await Promise.all([freePort(), freePort(), freePort()]);
  await Promise.all(ports.map((port) => start('server', { PORT: String(port), HOST: '127.0.0.1' })));
  const nodes = ports.map((port) => `http://127.0.0.1:${port}`);
  await until('the API nodes to answer', async () => (await Promise.all(nodes.map((n) => fetch(`${n}/health`).then((r) => r.ok, () => false)))).every(Boolean), 120_000);

  const post = async (node: string, url: string, body: unknown) => {
    const response = await fetch(`${node}${url}`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, location: response.headers.get('location'), body: await response.json() };
  };
  const jobOf = async (location: string, node = nodes[Math.floor(rand() * nodes.length)]): Promise<JobStatus> =>
    (await fetch(`${node}${location}`, { headers: AUTH })).json() as Promise<JobStatus>;

  // The first job, with one worker: killed with SIGKILL once the job is part done.
  const first = posts.slice(0, 120);
  const firstJob = await post(nodes[0], '/ingest-jobs', first);
  t.equal(firstJob.status, 202);
  const doomed = await start('worker');
  await until('the first job to be part done', async () => (await jobOf(firstJob.location!)).done >= 20, 120_000);
  await stopped(doomed, 'SIGKILL');
  const atKill = await jobOf(firstJob.location!);
  t.ok(atKill.done < first.length, `the worker was killed mid-job (${atKill.done}/${first.length})`);
  // Two workers from now on: the queue must still apply one job at a time.
  await Promise.all([start('worker'), start('worker')]);

  // Eight clients, the rest of the posts, each to any node: six through jobs of 20, two through POST /articles.
  const rest = posts.slice(first.length);
  const locations: string[] = [firstJob.location!];
  const syncStatuses: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const mine = rest.filter((_, k) => k % CLIENTS === client);
      const sync = client >= 6;
      for (let k = 0; k < mine.length; k += sync ? 5 : 20) {
        const batch = mine.slice(k, k + (sync ? 5 : 20));
        const node = nodes[(client + k) % nodes.length];
        const answer = await post(node, sync ? '/articles' : '/ingest-jobs', batch);
        if (sync) syncStatuses.push(answer.status);
        // A synchronous post that waited too long behind other jobs names its job: the client follows it.
        if (answer.location) locations.push(answer.location);
      }
    }),
  );
  t.same([...new Set(syncStatuses)].filter((s) => s !== 200 && s !== 503), [], 'synchronous posts answered 200 (or 503 naming their job)');

  await until('every job to complete', async () => (await Promise.all(locations.map((l) => jobOf(l)))).every((job) => job.status === 'completed'), 600_000);
  const jobs = await Promise.all(locations.map((l) => jobOf(l)));
  t.same(jobs.flatMap((job) => job.errors), [], 'no article failed');
  t.ok(jobs.every((job) => job.done === job.total && job.stored + job.unchanged === job.total), 'every article of every job dealt with');
  // One job at a time across the two workers: no two jobs were ever being applied at once.
  const spans = jobs.map((job) => [Date.parse(job.startedAt!), Date.parse(job.finishedAt!)]).sort((x, y) => x[0] - y[0]);
  t.same(spans.filter((span, k) => k > 0 && span[0] < spans[k - 1][1]), [], `${jobs.length} jobs applied one after the other`);
  t.comment(`${syncStatuses.filter((s) => s === 503).length} of ${syncStatuses.length} synchronous posts outwaited and were followed as jobs`);
  const firstDone = jobs[0];
  t.match(firstDone, { status: 'completed', total: first.length, done: first.length }, 'the killed worker\'s job completed after the restart');

  // the nodes' store: the reference's Meilisearch, their index prefix
  const nodesStore = new Store(reference.store.client, env.INDEX_PREFIX);
  const got = await allQuotes(nodesStore);
  t.same(perArticle(got), perArticle(want), 'each article holds exactly the quotes of a single ingest (none lost, none doubled)');
  t.equal(new Set(got.map((q) => q.id)).size, got.length, 'no quote twice');
  t.same(clusterProblems(got), [], 'clusters consistent');
  t.same(partition(got), partition(want), 'the same clusters as a single-process ingest');
  t.same(await speakerCounts(nodesStore), await speakerCounts(reference.store), 'speaker quote counts right');
});

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
