/**
 * Writers in different processes: two `npm run index` processes (the real CLI, as child processes) ingest
 * translations of the same articles while the API, in this process, posts more of them at the same moment, all on
 * one Meilisearch, one index prefix and one DATA_DIR, everything wired by bootstrap.ts as in production.
 * IngestService's in-process queue cannot serialise these writers; the write lock in DATA_DIR must. Afterwards the
 * store must be what one sequential ingest gives: no duplicate quotes, consistent clusters, the same partition.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import t from 'tap';
import { openBackend } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { WRITE_LOCK_FILE } from '../../src/storage/write-lock.ts';
import { buildServices, sharedMeili, TEST_API_KEY } from '../helpers/build.ts';
import { appOver, AUTH } from './app.ts';
import { allQuotes, clusterProblems, partition, perArticle, rng, shuffle, speakerCounts, story, until, type PostedArticle } from './fixtures.ts';

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

t.test('the CLI in two processes and the API ingesting translations of the same articles at once', async (t) => {
  t.comment(`SEED=${SEED}`);
  const rand = rng(SEED);
  const meili = await sharedMeili(t);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-cross-process-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const env = {
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    INDEX_PREFIX: `x${SEED}_`,
    DATA_DIR: dataDir,
    API_KEY: TEST_API_KEY,
    LOG_LEVEL: 'silent',
  };

  // the server side: this process, built the way src/server.ts builds it
  const backend = await openBackend(loadConfig(env), pino({ level: 'silent' }));
  t.teardown(() => backend.close());
  const app = await appOver(t, backend.services, { setup: false });

  // Two stories' Vietnamese originals, stored first; then each writer adds other outlets' translations of them, one
  // language per process. Every new article joins the originals' clusters, so every ingestion re-reads and rewrites
  // those clusters: a writer that does so while another process does the same writes lists that miss the other's quotes.
  const stories = [30, 31].map((n) => story({ n, quotes: 3 }));
  const copies = (lang: 'id' | 'fr' | 'en') =>
    [1, 2, 3, 4].flatMap((k) =>
      stories.map((s) => ({ ...s[lang], id: `${s[lang].id}-o${k}`, url: `${s[lang].url}-o${k}`, outlet: `outlet-${lang}-${k}` })),
    );
  const originals = stories.map((s) => s.vi);
  const byProcess = { cliId: copies('id'), cliFr: copies('fr'), api: copies('en') };
  const articles: PostedArticle[] = [...originals, ...byProcess.cliId, ...byProcess.cliFr, ...byProcess.api];

  // the reference: every article once, in order, on a store of its own
  const reference = await buildServices(t);
  for (const a of articles) await reference.ingest.ingest([a]);
  const want = await allQuotes(reference.store);
  t.same(clusterProblems(want), [], 'reference clusters consistent');
  t.ok(partition(want).some((c) => c.length >= 13), 'the reference links the copies into the originals\' clusters');

  for (const a of originals) t.equal((await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: a })).statusCode, 200);

  // one file per article, in a directory per CLI process (which takes its files in name order)
  const inputs = async (name: string, list: PostedArticle[]) => {
    const dir = path.join(dataDir, name);
    await mkdir(dir);
    for (const [i, a] of list.entries()) await writeFile(path.join(dir, `${String(i).padStart(2, '0')}-${a.id}.json`), JSON.stringify(a));
    return dir;
  };
  const cli = (dir: string) =>
    new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', dir], {
        env: { ...process.env, ...env, INDEX_BATCH_ARTICLES: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      t.teardown(() => void (child.exitCode === null && child.signalCode === null && child.kill()));
      const run: Run = { code: null, stdout: '', stderr: '' };
      child.stdout.on('data', (d) => (run.stdout += d));
      child.stderr.on('data', (d) => (run.stderr += d));
      child.on('exit', (code) => resolve({ ...run, code }));
    });
  let running = 2;
  const runs = Promise.all(
    [cli(await inputs('in-id', byProcess.cliId)), cli(await inputs('in-fr', byProcess.cliFr))].map((p) => p.finally(() => running--)),
  );

  // the API starts posting as soon as the CLI processes have started writing (they take a moment to load)
  await until('the CLI processes to start writing', async () => (await backend.store.countArticles()) > originals.length || running < 2);
  const statuses: number[] = [];
  let duringCli = 0;
  for (const a of shuffle(byProcess.api, rand)) {
    statuses.push((await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: a })).statusCode);
    if (running > 0) duringCli++;
  }
  const [id, fr] = await runs;
  for (const [name, run] of Object.entries({ id, fr })) {
    t.equal(run.code, 0, `CLI (${name}) exited 0${run.code ? `: ${run.stderr}` : ''}`);
    t.match(run.stdout, `ingested ${byProcess.cliId.length} articles`, `CLI (${name}) ingested every file`);
  }
  // the lock goes round the waiting processes in turn, batch by batch: the API is not made to wait for the end of the
  // CLI runs (their batches are of one article here, so that these few files make as many turns as a long run does)
  t.ok(duringCli >= statuses.length / 2, `API posts went through while the CLI was writing (${duringCli} of ${statuses.length})`);
  t.same([...new Set(statuses)], [200], 'every API post succeeded');

  const got = await allQuotes(backend.store);
  t.same(perArticle(got), perArticle(want), 'each article holds exactly the quotes of a single ingest (no duplicates)');
  t.equal(got.length, want.length, 'as many quotes as a single ingest of each');
  t.same(clusterProblems(got), [], 'clusters consistent: translations list the other members, links symmetric');
  t.same(partition(got), partition(want), 'the same clusters as a sequential ingest');
  t.same(await speakerCounts(backend.store), await speakerCounts(reference.store), 'speaker quote counts right');
  t.notOk(existsSync(path.join(dataDir, WRITE_LOCK_FILE)), 'the write lock is released');
});
