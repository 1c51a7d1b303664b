/**
 * POST /ingest-jobs and GET /ingest-jobs/{id} on the embedded default (the queue in a data dir, consumed in process),
 * over a real Meilisearch: 202 with Location at once, progress while the job runs, per-article errors for bad input
 * with the rest stored, and a job interrupted by a stop taken up again by a new queue on the same directory.
 */
import t from 'tap';
import { LocalJobQueue } from '../../src/queue/local.ts';
import { ingestRunner } from '../../src/queue/runner.ts';
import type { JobStatus } from '../../src/queue/types.ts';
import { build } from '../helpers/build.ts';
import { allQuotes, clusterProblems, perArticle, story, until, type PostedArticle } from '../reliability/fixtures.ts';

type Built = Awaited<ReturnType<typeof build>>;

async function follow(app: Built['app'], auth: Built['auth'], location: string, done = (job: JobStatus) => job.status === 'completed') {
  let job: JobStatus | undefined;
  await until(`job ${location} to finish`, async () => {
    job = (await app.inject({ method: 'GET', url: location, headers: auth })).json();
    return done(job!);
  });
  return job!;
}

t.test('a job of good and bad articles: 202 at once, per-article errors, the rest stored and linked', async (t) => {
  const { app, services, auth } = await build(t);
  const consumer = await services.jobs.consume(ingestRunner(services.ingest));
  t.teardown(() => consumer.stop());
  const s = story({ n: 1, quotes: 2 });
  const payload = [
    s.vi,
    { id: 'empty', text: '   ' },
    s.fr,
    { id: 'huge', text: 'x'.repeat(30 * 1024 * 1024) },
    { text: 'no id' },
    42,
    s.en,
  ];
  const response = await app.inject({ method: 'POST', url: '/ingest-jobs', headers: auth, payload });
  t.equal(response.statusCode, 202, response.body.slice(0, 300));
  const location = response.headers.location as string;
  t.match(location, /^\/ingest-jobs\/[a-z0-9-]+$/);
  t.match(response.json(), { id: location.split('/').pop(), total: 7, done: 0 });

  const job = await follow(app, auth, location);
  t.match(job, { status: 'completed', total: 7, done: 7, stored: 3, failed: 4, attempts: 1 });
  t.ok(job.startedAt && job.finishedAt, 'timestamps');
  t.same(
    job.errors.map((e) => [e.index, e.articleId ?? null]),
    [[1, 'empty'], [3, 'huge'], [4, null], [5, null]],
    'one error per bad article, at its position',
  );
  t.match(job.errors[0].message, /must not be empty/);
  t.match(job.errors[1].message, /at most 2000000 characters/);
  t.notOk('outcomes' in job, 'the per-article outcomes stay inside');

  const quotes = await allQuotes(services.store);
  t.same(Object.keys(perArticle(quotes)).sort(), [s.en.id, s.fr.id, s.vi.id], 'the good articles are stored');
  t.same(clusterProblems(quotes), []);
  t.ok(quotes.some((q) => q.translations.length === 2), 'and linked across languages');

  // The same articles again: stored with the same content hash, nothing is applied twice.
  const again = await app.inject({ method: 'POST', url: '/ingest-jobs', headers: auth, payload: [s.vi, s.fr, s.en] });
  const repeated = await follow(app, auth, again.headers.location as string);
  t.match(repeated, { stored: 0, unchanged: 3, failed: 0 });
  t.same(await allQuotes(services.store), quotes, 'the store is as it was');
});

t.test('NDJSON: a line that is not UTF-8 or not JSON is its article\'s error', async (t) => {
  const { app, services, auth } = await build(t);
  const consumer = await services.jobs.consume(ingestRunner(services.ingest));
  t.teardown(() => consumer.stop());
  const s = story({ n: 2 });
  const body = Buffer.concat([
    Buffer.from(`${JSON.stringify(s.vi)}\n`),
    Buffer.from('{"id":"latin1","text":"caf'),
    Buffer.from([0xe9, 0x22, 0x7d, 0x0a]),
    Buffer.from('{not json\n\n'),
    Buffer.from(`${JSON.stringify(s.id)}\n`),
  ]);
  const response = await app.inject({ method: 'POST', url: '/ingest-jobs', headers: { ...auth, 'content-type': 'application/x-ndjson' }, payload: body });
  t.equal(response.statusCode, 202, response.body.slice(0, 300));
  const job = await follow(app, auth, response.headers.location as string);
  t.match(job, { total: 4, stored: 2, failed: 2 });
  t.same(job.errors, [{ index: 1, message: 'line 2: not valid UTF-8' }, { index: 2, message: 'line 3: not valid JSON' }]);
});

t.test('refusals: no key, not an array, an unknown or malformed job id', async (t) => {
  const { app, auth } = await build(t);
  t.equal((await app.inject({ method: 'POST', url: '/ingest-jobs', payload: [] })).statusCode, 401);
  for (const payload of [[], { id: 'a', text: 'b' }]) {
    const response = await app.inject({ method: 'POST', url: '/ingest-jobs', headers: auth, payload });
    t.equal(response.statusCode, 400, JSON.stringify(payload));
    t.equal(response.headers['content-type'], 'application/problem+json');
  }
  t.equal((await app.inject({ method: 'GET', url: '/ingest-jobs/0000-none', headers: auth })).statusCode, 404);
  t.equal((await app.inject({ method: 'GET', url: '/ingest-jobs/..%2Fapi.key', headers: auth })).statusCode, 400);
  t.equal((await app.inject({ method: 'GET', url: '/ingest-jobs/0000-none' })).statusCode, 401);
});

t.test('a job of 10,000 articles: accepted at once, its progress visible while it runs, exactly what it checkpointed stored when stopped', async (t) => {
  const { app, services, auth } = await build(t);
  const articles: PostedArticle[] = Array.from({ length: 10_000 }, (_, k) => ({ id: `bulk-${k}`, text: `"Bulk statement number ${k} for the record," Le Hoai Trung said.` }));
  const response = await app.inject({ method: 'POST', url: '/ingest-jobs', headers: auth, payload: articles });
  t.equal(response.statusCode, 202);
  const location = response.headers.location as string;
  const consumer = await services.jobs.consume(ingestRunner(services.ingest));
  const running = await follow(app, auth, location, (job) => job.status === 'running' && job.done >= 20);
  await consumer.stop();
  const stopped: JobStatus = (await app.inject({ method: 'GET', url: location, headers: auth })).json();
  t.match(stopped, { status: 'running', total: 10_000 }, 'left running, to be taken up again');
  t.ok(stopped.done >= running.done && stopped.done < 10_000, `progress ${stopped.done}/10000 while it ran`);
  t.equal(await services.store.countArticles(), stopped.done, 'exactly the checkpointed articles are stored');

  // Taking up the rest after a restart is shown on a smaller job below.
  const small = await app.inject({ method: 'POST', url: '/ingest-jobs', headers: auth, payload: Array.from({ length: 25 }, (_, k) => story({ n: 100 + k }).vi) });
  t.equal(small.statusCode, 202);
  t.ok(small.json().id > stopped.id, 'ids sort in creation order');
});

t.test('a job interrupted by a stop is finished by the next process on the same data dir, nothing doubled', async (t) => {
  const { app, services, auth } = await build(t);
  const stories = Array.from({ length: 8 }, (_, k) => story({ n: 40 + k, quotes: 2 }));
  const payload = stories.flatMap((s) => [s.vi, s.en, s.fr]);
  const location = (await app.inject({ method: 'POST', url: '/ingest-jobs', headers: auth, payload })).headers.location as string;
  const first = await services.jobs.consume(ingestRunner(services.ingest));
  await follow(app, auth, location, (job) => job.done >= 10);
  await first.stop();
  const midway: JobStatus = (await app.inject({ method: 'GET', url: location, headers: auth })).json();
  t.ok(midway.done < payload.length, `stopped at ${midway.done}/${payload.length}`);

  // A new process: a new queue object on the same directory, as `npm start` after a restart.
  const dir = (services.jobs as unknown as { dir: string }).dir;
  const restarted = new LocalJobQueue(dir);
  const second = await restarted.consume(ingestRunner(services.ingest));
  t.teardown(() => second.stop());
  const job = await follow(app, auth, location);
  t.match(job, { status: 'completed', done: payload.length, stored: payload.length, failed: 0, attempts: 2 });
  const quotes = await allQuotes(services.store);
  t.equal(Object.keys(perArticle(quotes)).length, payload.length, 'every article stored');
  t.equal(new Set(quotes.map((q) => q.id)).size, quotes.length, 'no quote twice');
  t.same(clusterProblems(quotes), []);
});
