/**
 * Concurrent writers: 8 clients posting overlapping articles and re-posts at once over real HTTP. Afterwards: no
 * duplicate quotes (each article holds exactly the quotes a single ingest gives it), clusters consistent (every member
 * of a cluster lists the others in `translations`, links symmetric) and the same as a sequential ingest gives.
 */
import t from 'tap';
import { build, buildServices } from '../helpers/build.ts';
import { AUTH } from './app.ts';
import { allQuotes, clusterProblems, LANGS, partition, perArticle, rng, shuffle, speakerCounts, story, type PostedArticle } from './fixtures.ts';

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);

t.test('8 concurrent writers posting overlapping articles and re-posts', async (t) => {
  t.comment(`SEED=${SEED}`);
  const rand = rng(SEED);
  const { app, services } = await build(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;

  const articles: PostedArticle[] = [12, 13, 14].flatMap((n) => LANGS.map((lang) => story({ n, quotes: 3 })[lang]));

  // the reference: every article once, in order, on a store of its own
  const reference = await buildServices(t);
  for (const a of articles) await reference.ingest.ingest([a]);
  const want = await allQuotes(reference.store);
  t.ok(want.length >= articles.length * 2, `reference: ${want.length} quotes`);
  t.same(clusterProblems(want), [], 'reference clusters consistent');

  // 8 clients: each posts a shuffled half of the articles, some in batches, some twice; together they cover all of them
  const plans = Array.from({ length: 8 }, (_, c) => {
    const mine = shuffle(articles, rand).slice(0, articles.length / 2);
    if (c < 2) mine.push(...articles.filter((_, i) => i % 2 === c)); // overlap and full coverage
    const requests: PostedArticle[][] = [];
    for (let i = 0; i < mine.length; ) {
      const size = rand() < 0.3 ? 2 : 1;
      requests.push(mine.slice(i, i + size));
      i += size;
    }
    if (rand() < 0.7) requests.push(requests[Math.floor(rand() * requests.length)]); // a re-post
    return requests;
  });
  const statuses: number[] = [];
  await Promise.all(
    plans.map(async (requests) => {
      for (const batch of requests) {
        const res = await fetch(`${base}/articles`, {
          method: 'POST',
          headers: { ...AUTH, 'content-type': 'application/json' },
          body: JSON.stringify(batch.length === 1 ? batch[0] : batch),
        });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    }),
  );
  t.ok(statuses.length > 8 * 6, `${statuses.length} requests sent`);
  t.same([...new Set(statuses)], [200], 'every request succeeded');

  const got = await allQuotes(services.store);
  t.same(perArticle(got), perArticle(want), 'each article holds exactly the quotes of a single ingest (no duplicates)');
  t.equal(got.length, want.length, 'as many quotes as a single ingest of each');
  t.same(clusterProblems(got), [], 'clusters consistent: translations list the other members, links symmetric');
  t.same(partition(got), partition(want), 'the same clusters as a sequential ingest');
  t.same(await speakerCounts(services.store), await speakerCounts(reference.store), 'speaker quote counts right');
  const api = await fetch(`${base}/quotes?limit=100&lang=fr`).then((r) => r.json());
  t.equal(api.total, want.filter((q) => q.lang === 'fr').length, 'the API serves exactly those quotes');
});

t.test('concurrent deletions and re-posts of the same articles leave consistent clusters', async (t) => {
  const rand = rng(SEED + 1);
  const { app, services } = await build(t);
  const s = story({ n: 15, quotes: 3 });
  const articles = LANGS.map((l) => s[l]);
  for (const a of articles) t.equal((await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: a })).statusCode, 200, `seed ${a.id}`);

  const ops = Array.from({ length: 8 }, () =>
    Array.from({ length: 4 }, () => {
      const a = articles[Math.floor(rand() * articles.length)];
      return rand() < 0.4
        ? () => app.inject({ method: 'DELETE', url: `/articles/${a.id}`, headers: AUTH })
        : () => app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: a });
    }),
  );
  const statuses = (await Promise.all(ops.map(async (list) => {
    const out: number[] = [];
    for (const op of list) out.push((await op()).statusCode);
    return out;
  }))).flat();
  t.ok(statuses.every((s) => [200, 204, 404].includes(s)), `only 200/204/404 (${[...new Set(statuses)]})`);
  const after = await allQuotes(services.store);
  t.same(clusterProblems(after), [], 'clusters consistent');
  t.equal(new Set(after.map((q) => q.id)).size, after.length, 'no duplicate quote ids');

  // whatever survived, posting everything once more gives the clusters of a clean ingest
  for (const a of articles) await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: a });
  const reference = await buildServices(t);
  for (const a of articles) await reference.ingest.ingest([a]);
  const [got, want] = [await allQuotes(services.store), await allQuotes(reference.store)];
  t.same(perArticle(got), perArticle(want), 'every article holds its quotes once');
  t.same(partition(got), partition(want), 'clusters as after a clean ingest');
  t.same(await speakerCounts(services.store), await speakerCounts(reference.store), 'speaker quote counts right');
});
