/**
 * Meilisearch going away under a running API: killed -9 (the supervisor brings it back), an external server stopped
 * and started again, a frozen server (SIGSTOP), and a line cut at every request of an ingestion or a deletion.
 * Every read answers 503 problem+json with Retry-After, the API stays up, service resumes by itself with all the data,
 * and ingestion refused during an outage succeeds when retried (cuts in the middle of a write: outage-cuts.test.ts).
 */
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { build } from '../helpers/build.ts';
import { testMeili } from '../helpers/meili.ts';
import { startEmbeddedMeili, type EmbeddedMeili } from '../../src/storage/meili/embedded/supervisor.ts';
import { isAlive } from '../../src/storage/pid-lock.ts';
import { appOver, AUTH, freePort, servicesOver } from './app.ts';
import { allQuotes, clusterProblems, partition, story, until, type PostedArticle } from './fixtures.ts';

type Test = Parameters<Extract<Parameters<typeof t.test>[0], (...args: never[]) => unknown>>[0];
type Inject = Awaited<ReturnType<FastifyInstance['inject']>>;

/** A 503 as the spec wants it: problem+json, Retry-After, no internals. */
function assertUnavailable(t: Test, res: Inject, what: string, masterKey: string) {
  t.equal(res.statusCode, 503, `${what}: 503`);
  t.match(res.headers['content-type'], /^application\/problem\+json/, `${what}: problem+json`);
  t.match(String(res.headers['retry-after']), /^[1-9]\d*$/, `${what}: Retry-After in seconds`);
  const body = res.json();
  t.equal(body.status, 503, `${what}: status in the body`);
  t.notMatch(res.body, /\bat .+\.(ts|js):\d+|ECONNREFUSED|127\.0\.0\.1|stack/i, `${what}: no internals`);
  t.notOk(res.body.includes(masterKey), `${what}: no master key`);
}

const post = (app: FastifyInstance, body: PostedArticle | PostedArticle[]) =>
  app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: body });

/** Everything a client can read, to compare before and after an outage. */
async function snapshot(app: FastifyInstance) {
  const quotes = await app.inject('/quotes?limit=100');
  const speakers = await app.inject('/speakers?limit=100');
  if (quotes.statusCode !== 200 || speakers.statusCode !== 200) throw new Error(`snapshot: ${quotes.statusCode} ${speakers.statusCode}`);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return { quotes: quotes.json().data.sort(byId), speakers: speakers.json().data.sort(byId) };
}

/** The reads and the write a client may send while Meilisearch is down. */
function outageRequests(app: FastifyInstance, quoteId: string, speakerId: string, article: PostedArticle) {
  return Promise.all([
    app.inject('/quotes'),
    app.inject(`/quotes?speaker=${encodeURIComponent(speakerId)}&lang=vi&q=quan`),
    app.inject(`/quotes/${encodeURIComponent(quoteId)}`),
    app.inject('/speakers?q=trung'),
    app.inject(`/speakers/${encodeURIComponent(speakerId)}`),
    app.inject('/ready'),
    post(app, article),
    app.inject({ method: 'DELETE', url: `/articles/${article.id}`, headers: AUTH }),
  ]);
}
const OUTAGE_LABELS = ['GET /quotes', 'GET /quotes?speaker&lang&q', 'GET /quotes/:id', 'GET /speakers?q', 'GET /speakers/:id', 'GET /ready', 'POST /articles', 'DELETE /articles/:id'];

t.test('embedded Meilisearch killed -9 under a running API: 503s, then it is back by itself with all data', async (t) => {
  const { app, services } = await build(t);
  const meili = services.meili.meili;
  const s0 = story({ n: 0 });
  const s1 = story({ n: 1 });
  for (const article of [s0.vi, s0.id, s0.fr, s1.vi, s1.en]) t.equal((await post(app, article)).statusCode, 200, `ingest ${article.id}`);
  const before = await snapshot(app);
  t.ok(before.quotes.length >= 5, `quotes stored (${before.quotes.length})`);
  const quoteId = before.quotes[0].id;
  const speakerId = before.speakers[0].id;

  // The supervisor restarts it within a fraction of a second; if it came back before our requests were answered the
  // round proves nothing, so kill it again (a bounded number of times). Such a round may have let the POST through
  // (answered 200): that one is undone, and then the store must be as before — a write answered 503 must not have
  // landed behind the client's back.
  let checked = false;
  for (let round = 0; round < 10 && !checked; round++) {
    const restarts = meili.restarts();
    const pid = meili.pid();
    t.ok(pid, 'Meilisearch runs');
    process.kill(pid!, 'SIGKILL');
    await until('the killed Meilisearch to be gone', async () => !isAlive(pid!) && !(await fetch(`${meili.url}/health`).then(() => true, () => false)), 10_000);
    const answers = await outageRequests(app, quoteId, speakerId, s1.fr);
    if (meili.restarts() !== restarts) {
      const [posted, deleted] = answers.slice(-2).map((res) => res.statusCode);
      t.comment(`round ${round}: Meilisearch came back before the requests were answered (POST ${posted}, DELETE ${deleted}); killing it again`);
      await until('the restart', async () => meili.pid() !== undefined && (await app.inject('/ready')).statusCode === 200, 60_000);
      // The DELETE went first unless it found the article: then the POST landed after it.
      if (posted === 200 && deleted !== 204) t.equal((await app.inject({ method: 'DELETE', url: `/articles/${s1.fr.id}`, headers: AUTH })).statusCode, 204, `round ${round}: the article posted while Meilisearch came back is removed`);
      t.same(await snapshot(app), before, `round ${round}: only what was answered 200 happened`);
      continue;
    }
    answers.forEach((res, i) => assertUnavailable(t, res, OUTAGE_LABELS[i], meili.masterKey));
    const health = await app.inject('/health');
    t.equal(health.statusCode, 200, '/health: the API process itself is alive');
    checked = true;
  }
  t.ok(checked, 'saw the API during an outage');

  // The supervisor counts a restart once it has seen the new process healthy, which may be just after /ready does.
  await until('/ready to answer 200 again', async () => (await app.inject('/ready')).statusCode === 200, 60_000);
  await until('the supervisor to count its restart', () => meili.restarts() >= 1, 10_000);
  t.ok(meili.restarts() >= 1, 'the supervisor restarted Meilisearch');
  t.same(await snapshot(app), before, 'every quote and speaker is back, unchanged');
  t.equal((await post(app, s1.fr)).statusCode, 200, 'writes work again');
  t.same(clusterProblems(await allQuotes(services.store)), [], 'clusters consistent');
});

t.test('external Meilisearch stopped and started again on the same port and data', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-rel-external-'));
  const port = await freePort();
  let meili: EmbeddedMeili = await startEmbeddedMeili({ dataDir, port, bin: process.env.MEILI_BIN });
  t.teardown(async () => {
    await meili.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const services = servicesOver(meili);
  const app = await appOver(t, services);
  const s2 = story({ n: 2 });
  for (const article of [s2.vi, s2.id]) t.equal((await post(app, article)).statusCode, 200, `ingest ${article.id}`);
  const before = await snapshot(app);
  t.ok(before.quotes.length >= 2, 'quotes stored');

  await meili.stop();
  const answers = await outageRequests(app, before.quotes[0].id, before.speakers[0].id, s2.fr);
  answers.forEach((res, i) => assertUnavailable(t, res, OUTAGE_LABELS[i], meili.masterKey));
  t.equal((await app.inject('/health')).statusCode, 200, 'the API stays up');
  // still down a moment later: nothing retries behind the client's back into a hang
  await sleep(300);
  assertUnavailable(t, await app.inject('/quotes?lang=vi'), 'GET /quotes, still down', meili.masterKey);

  meili = await startEmbeddedMeili({ dataDir, port, bin: process.env.MEILI_BIN });
  await until('/ready to answer 200 again', async () => (await app.inject('/ready')).statusCode === 200, 30_000);
  t.same(await snapshot(app), before, 'all data back, nothing lost');
  const retried = await post(app, s2.fr);
  t.equal(retried.statusCode, 200, 'the ingestion refused during the outage succeeds when retried');

  // clusters are what a run without outage gives
  const reference = servicesOver(meili);
  await reference.store.setup();
  await reference.ingest.ingest([s2.vi, s2.id, s2.fr]);
  const [got, want] = [await allQuotes(services.store), await allQuotes(reference.store)];
  t.same(clusterProblems(got), [], 'clusters consistent');
  t.same(partition(got), partition(want), 'same clusters as without an outage');
  t.ok(partition(got).some((c) => c.length === 3), 'the three versions are linked');
});

t.test('a frozen Meilisearch (SIGSTOP) does not hang clients: 503 within the client timeout', async (t) => {
  const m = await testMeili(t);
  const services = servicesOver(m, { timeoutMs: 1_000 });
  const app = await appOver(t, services);
  const s3 = story({ n: 3 });
  t.equal((await post(app, s3.vi)).statusCode, 200, 'ingest before the freeze');
  const before = await snapshot(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;

  const pid = m.meili.pid()!;
  process.kill(pid, 'SIGSTOP');
  try {
    // The client gives up after 20 s (a hang detector, not a speed requirement): a hung API fails this test.
    const ask = (url: string, init: RequestInit = {}) => fetch(base + url, { ...init, signal: AbortSignal.timeout(20_000) });
    const reads = await Promise.all([
      ask('/quotes'),
      ask('/quotes?lang=vi&speaker=Le%20Hoai%20Trung'),
      ask(`/quotes/${encodeURIComponent(before.quotes[0].id)}`),
      ask('/speakers'),
      ask('/ready'),
      ask('/articles', { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(s3.id) }),
    ]);
    for (const [i, res] of reads.entries()) {
      const label = ['GET /quotes', 'GET /quotes?lang&speaker', 'GET /quotes/:id', 'GET /speakers', 'GET /ready', 'POST /articles'][i];
      t.equal(res.status, 503, `${label}: 503 while frozen`);
      t.match(res.headers.get('content-type'), /^application\/problem\+json/, `${label}: problem+json`);
      t.match(res.headers.get('retry-after'), /^[1-9]\d*$/, `${label}: Retry-After`);
      await res.body?.cancel();
    }
    t.equal((await ask('/health')).status, 200, 'the API answers its own liveness');
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await until('/ready after SIGCONT', async () => (await app.inject('/ready')).statusCode === 200, 30_000);
  t.same(await snapshot(app), before, 'nothing lost');
  t.equal((await post(app, s3.id)).statusCode, 200, 'writes work again');
  t.same(clusterProblems(await allQuotes(services.store)), [], 'clusters consistent');
});
