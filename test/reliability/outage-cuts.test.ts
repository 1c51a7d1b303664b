/**
 * Meilisearch going away in the middle of a write. The line to a real Meilisearch is cut (fault-proxy.ts) at each
 * write request of an ingestion, a re-post and a deletion, in both shapes (the request lost, or applied with its
 * answer lost), and at the first read. Each time: the API answers 503, the stored clusters are consistent (no
 * half-written cluster), and retrying succeeds and ends exactly where the same write without a fault ends.
 */
import t from 'tap';
import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { testMeili } from '../helpers/meili.ts';
import type { ArticleDoc, QuoteDoc, SpeakerDoc } from '../../src/storage/documents.ts';
import type { Store } from '../../src/storage/store.ts';
import { appOver, AUTH, servicesOver } from './app.ts';
import { faultProxy } from './fault-proxy.ts';
import { allQuotes, clusterProblems, partition, story, until, type PostedArticle } from './fixtures.ts';

type Inject = Awaited<ReturnType<FastifyInstance['inject']>>;

const post = (app: FastifyInstance, body: PostedArticle) => app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: body });

t.test('a cut at every write of an ingestion, a re-post and a deletion leaves no half-written cluster', async (t) => {
  const m = await testMeili(t);
  const proxy = await faultProxy(m.url);
  t.teardown(() => proxy.close());
  const s = story({ n: 4, quotes: 3 });
  const repost = story({ n: 4, quotes: 3, variant: 'thêm' }).vi; // same id, every quote changed

  type Op = { name: string; base: PostedArticle[]; run: (app: FastifyInstance) => Promise<Inject>; retryOk: number[] };
  const ops: Op[] = [
    { name: 'a new article linking to two', base: [s.vi, s.id], run: (app) => post(app, s.fr), retryOk: [200] },
    { name: 'a re-post of the original with changed quotes', base: [s.vi, s.id, s.fr], run: (app) => post(app, repost), retryOk: [200] },
    {
      name: 'the deletion of the original',
      base: [s.vi, s.id, s.fr],
      run: (app) => app.inject({ method: 'DELETE', url: `/articles/${s.vi.id}`, headers: AUTH }),
      retryOk: [204, 404],
    },
  ];

  for (const op of ops) {
    await t.test(op.name, async (t) => {
      // the API talks to Meilisearch through the proxy; the test restores the base state directly
      const services = servicesOver({ url: proxy.url, masterKey: m.masterKey });
      const app = await appOver(t, services);
      const direct = servicesOver(m, { prefix: services.store.prefix }).store;
      await services.ingest.ingest(op.base);
      const base = await rawState(direct);
      const reset = () => restore(direct, base);

      // the reference: the same write without a fault, and how many writes it sends
      const writes0 = proxy.count('writes');
      t.ok([200, 204].includes((await op.run(app)).statusCode), 'without a fault it succeeds');
      const writes = proxy.count('writes') - writes0;
      const want = await stateOf(direct);
      t.ok(want.quotes.length > 0, `reference state has quotes (${want.quotes.length})`);
      t.same(clusterProblems(want.quotes), [], 'reference clusters consistent');
      t.comment(`${writes} write requests to Meilisearch`);
      t.ok(writes >= 3, 'quotes, article and speakers are written');

      const failures: string[] = [];
      const cuts: Array<[number, 'before' | 'after', 'all' | 'writes']> = [[1, 'before', 'all']];
      for (let k = 1; k <= writes; k++) cuts.push([k, 'before', 'writes'], [k, 'after', 'writes']);
      let tripped = 0;
      for (const [k, shape, kind] of cuts) {
        const label = `cut at ${kind === 'all' ? 'request' : 'write'} ${k}, ${shape === 'before' ? 'request lost' : 'answer lost'}`;
        await reset();
        proxy.failAt(k, shape, kind);
        const res = await op.run(app);
        const cut = proxy.tripped();
        proxy.heal();
        if (!cut) failures.push(`${label}: the line was not cut (${res.statusCode})`);
        else tripped++;
        if (res.statusCode !== 503) failures.push(`${label}: answered ${res.statusCode}, not 503`);
        await idle(direct); // a write whose answer was lost may still be running
        const problems = clusterProblems(await allQuotes(direct));
        if (problems.length) failures.push(`${label}: half-written clusters: ${problems.slice(0, 3).join('; ')}`);
        const retry = await op.run(app);
        if (!op.retryOk.includes(retry.statusCode)) failures.push(`${label}: the retry answered ${retry.statusCode}`);
        const got = await stateOf(direct);
        if (!isDeepStrictEqual(got, want)) failures.push(`${label}: after the retry the store differs from a write without a fault: ${diff(got, want)}`);
      }
      t.equal(tripped, cuts.length, `the line was cut ${tripped} times`);
      t.same(failures, [], 'every cut: 503, consistent clusters, and a retry ends where a clean write ends');
    });
  }
});

interface RawState {
  quotes: QuoteDoc[];
  articles: ArticleDoc[];
  speakers: SpeakerDoc[];
}

async function all<T extends object>(index: Store['quotes'] | Store['articles'] | Store['speakers']): Promise<T[]> {
  return (await index.getDocuments({ limit: 10_000 })).results as T[];
}

async function rawState(store: Store): Promise<RawState> {
  return { quotes: await all(store.quotes), articles: await all(store.articles), speakers: await all(store.speakers) };
}

/** Puts the three indexes back as they were: tasks enqueued one after the other (their order matters), then awaited. */
async function restore(store: Store, state: RawState) {
  const enqueued = [];
  for (const [index, docs] of [
    [store.quotes, state.quotes],
    [store.articles, state.articles],
    [store.speakers, state.speakers],
  ] as const) {
    enqueued.push(await index.deleteAllDocuments());
    enqueued.push(await index.addDocuments(docs as never[]));
  }
  for (const task of enqueued) {
    // A bound on the wait, not a timing assertion: a loaded machine may take more than the library's default 5 s.
    const done = await store.client.tasks.waitForTask(task.taskUid, { timeout: 120_000 });
    if (done.status !== 'succeeded') throw new Error(`restore: task ${done.uid} ${done.status}`);
  }
}

async function idle(store: Store) {
  await until('Meilisearch to finish its tasks', async () => (await store.client.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1 })).results.length === 0);
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The store's content, without what varies between runs (ingestion times) and in a canonical order. */
async function stateOf(store: Store) {
  const raw = await rawState(store);
  return {
    quotes: byId(raw.quotes).map((q) => ({ ...q, links: byId(q.links), translations: byId(q.translations) })),
    articles: byId(raw.articles).map(({ ingestedAt: _at, ...a }) => a),
    speakers: byId(raw.speakers),
  };
}

function diff(got: Awaited<ReturnType<typeof stateOf>>, want: Awaited<ReturnType<typeof stateOf>>): string {
  const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id).join(',');
  if (ids(got.quotes) !== ids(want.quotes)) return `quotes [${ids(got.quotes)}] instead of [${ids(want.quotes)}]`;
  if (!isDeepStrictEqual(partition(got.quotes), partition(want.quotes))) return 'other clusters';
  const q = got.quotes.findIndex((x, i) => !isDeepStrictEqual(x, want.quotes[i]));
  if (q >= 0) return `quote ${got.quotes[q].id}: ${JSON.stringify(got.quotes[q]).slice(0, 400)} instead of ${JSON.stringify(want.quotes[q]).slice(0, 400)}`;
  if (!isDeepStrictEqual(got.articles, want.articles)) return `articles ${JSON.stringify(got.articles).slice(0, 300)} instead of ${JSON.stringify(want.articles).slice(0, 300)}`;
  return `speakers ${JSON.stringify(got.speakers).slice(0, 300)} instead of ${JSON.stringify(want.speakers).slice(0, 300)}`;
}
