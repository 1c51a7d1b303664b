/**
 * The batch pipeline over a real Meilisearch: a bulk load gives the clusters of ingesting the same articles one by one,
 * in any order and any batch size; running it again changes nothing; bad articles are named while the good ones are
 * stored; a crashed extraction worker loses nothing.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildServices } from '../helpers/build.ts';
import { ExtractionPool } from '../../src/ingestion/pool/index.ts';
import { analyseArticle } from '../../src/ingestion/pipeline.ts';
import { IngestService } from '../../src/service/ingest.ts';
import { BATCHES_PER_LOCK } from '../../src/service/ingest-batch.ts';
import type { ArticleInput } from '../../src/ingestion/types.ts';
import type { Store } from '../../src/storage/store.ts';
import { FileWriteLock } from '../../src/storage/write-lock.ts';

/** The project's annotated linking fixtures: real-size articles (about a kilobyte each), several stories in four languages. */
const ARTICLES: ArticleInput[] = readFileSync(new URL('../fixtures/linking/docs.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as ArticleInput);

/** Every stored quote with what linking decided for it, in a canonical order. */
async function clusters(store: Store) {
  const quotes = await store.quotesOfArticles(ARTICLES.map((a) => a.id));
  return quotes
    .map((q) => ({
      id: q.id,
      clusterId: q.clusterId,
      original: q.original,
      speaker: q.speakerId,
      method: q.attributionMethod,
      links: q.links.map((l) => `${l.id} ${l.confidence}`).sort(),
      translations: q.translations.map((x) => x.id).sort(),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function writeTasks(store: Store): Promise<number> {
  const { total } = await store.client.tasks.getTasks({ indexUids: [store.quotes.uid, store.articles.uid, store.speakers.uid], limit: 1 });
  return total ?? 0;
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

t.test('a bulk load gives the clusters of one-by-one ingestion, in any order and batch size', async (t) => {
  const oneByOne = await buildServices(t);
  for (const article of ARTICLES) await oneByOne.ingest.ingest([article]);
  const want = await clusters(oneByOne.store);
  t.ok(want.some((q) => q.translations.length >= 2), 'the fixtures make clusters across languages');

  const reversed = await buildServices(t);
  for (const article of [...ARTICLES].reverse()) await reversed.ingest.ingest([article]);
  t.same(await clusters(reversed.store), want, 'one by one in reverse order');

  for (const [label, articles, maxArticles] of [
    ['one batch', ARTICLES, undefined],
    ['one batch, shuffled', shuffled(ARTICLES, 7), undefined],
    ['batches of 4, shuffled', shuffled(ARTICLES, 11), 4],
  ] as const) {
    const bulk = await buildServices(t);
    const { outcomes } = await bulk.ingest.ingestBatch([...articles], maxArticles ? { maxArticles } : {});
    t.same([...new Set(outcomes.map((o) => o.status))], ['stored'], `${label}: every article stored`);
    t.same(await clusters(bulk.store), want, label);
  }
});

t.test('a run of many holds finds its earlier articles in memory, and gives the clusters of one-by-one ingestion', async (t) => {
  const oneByOne = await buildServices(t);
  for (const article of ARTICLES) await oneByOne.ingest.ingest([article]);
  const want = await clusters(oneByOne.store);
  const runsOf = async (store: Store, articles: ArticleInput[]) => new Set((await store.articlesByIds(articles.map((a) => a.id), ['id', 'ingestRun'])).map((a) => a.ingestRun));

  // Batches of one: a hold of the write lock takes BATCHES_PER_LOCK articles, so the run spans several.
  const empty = await buildServices(t);
  const order = shuffled(ARTICLES, 5);
  t.ok(order.length > 2 * BATCHES_PER_LOCK, 'several holds');
  await empty.ingest.ingestBatch(order, { maxArticles: 1 });
  t.same(await clusters(empty.store), want, 'into an empty store, which is never searched');
  t.equal((await runsOf(empty.store, ARTICLES)).size, 1, 'one run throughout');

  // Articles stored before the run: few are read into the memory with the run's own; many are searched for.
  const [before, during] = [order.slice(0, 9), order.slice(9)];
  for (const readWholeUpTo of [undefined, 0]) {
    const half = await buildServices(t);
    for (const article of before) await half.ingest.ingest([article]);
    await half.ingest.ingestBatch(during, { maxArticles: 1, run: half.ingest.bulkRun({ readWholeUpTo }) });
    t.same(await clusters(half.store), want, `on top of articles stored before, ${readWholeUpTo === 0 ? 'searched' : 'read whole'}`);
  }

  // A run of many calls (the CLI's) remembers across them.
  const calls = await buildServices(t);
  const run = calls.ingest.bulkRun();
  for (let k = 0; k < order.length; k += 10) await calls.ingest.ingestBatch(order.slice(k, k + 10), { maxArticles: 1, run });
  t.same(await clusters(calls.store), want, 'in several calls');
  t.equal((await runsOf(calls.store, ARTICLES)).size, 1, 'one run throughout');
});

t.test('a run begins anew when another writer wrote between its holds', async (t) => {
  const oneByOne = await buildServices(t);
  for (const article of ARTICLES) await oneByOne.ingest.ingest([article]);
  const want = await clusters(oneByOne.store);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-run-lock-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const { store } = await buildServices(t);
  // Two writers as two processes would be: each its own lock object on the one lock file.
  const writer = () => new IngestService(store, { linkThreshold: 0.6, writeLock: new FileWriteLock(path.join(dir, 'write.lock'), { timeoutMs: 60_000 }) });
  const [bulk, other] = [writer(), writer()];
  const order = shuffled(ARTICLES, 3);
  const [theirs, ours] = [order.slice(0, 3), order.slice(3)];
  let posted: Promise<unknown> | undefined;
  await bulk.ingestBatch(ours, {
    maxArticles: 1,
    // After the first hold, as an API post during a CLI run: the post waits for the lock, the run for the post.
    onProgress: () => (posted ??= Promise.all(theirs.map((article) => other.ingest([article])))),
  });
  await posted;
  t.same(await clusters(store), want, 'the clusters of one-by-one ingestion');
  const runs = new Set((await store.articlesByIds(ours.map((a) => a.id), ['id', 'ingestRun'])).map((a) => a.ingestRun));
  t.ok(runs.size >= 2, `the run began anew (${runs.size} runs)`);
});

t.test('running the same bulk load again changes nothing', async (t) => {
  const { store, ingest } = await buildServices(t);
  const progress: number[] = [];
  await ingest.ingestBatch(ARTICLES, { maxArticles: 2, onProgress: (p) => progress.push(p.done) });
  // Reported whenever a hold of the write lock has stored its batches.
  t.ok(progress.length >= Math.ceil(ARTICLES.length / (2 * BATCHES_PER_LOCK)), `progress reported along the way (${progress.join(', ')})`);
  t.ok(progress.every((done, k) => k === 0 || done > progress[k - 1]), 'progress only grows');
  t.equal(progress.at(-1), ARTICLES.length, 'progress ends with every article');
  const before = await clusters(store);
  const speakersBefore = (await store.speakers.getDocuments({ limit: 1000 })).results;
  const tasks = await writeTasks(store);

  const again = await ingest.ingestBatch(ARTICLES);
  t.same([...new Set(again.outcomes.map((o) => o.status))], ['unchanged'], 'every article found unchanged');
  t.equal(await writeTasks(store), tasks, 'nothing written');
  t.same(await clusters(store), before, 'the same clusters');
  t.same((await store.speakers.getDocuments({ limit: 1000 })).results, speakersBefore, 'the same speakers');

  // A changed article among unchanged ones is ingested again; the others are left alone.
  const changed = { ...ARTICLES[0], text: `${ARTICLES[0].text}\n\n"Một câu mới hoàn toàn khác," ông nói.` };
  const third = await ingest.ingestBatch([changed, ...ARTICLES.slice(1)]);
  t.equal(third.outcomes[0].status, 'stored', 'the changed article is stored again');
  t.same([...new Set(third.outcomes.slice(1).map((o) => o.status))], ['unchanged'], 'the others are not');
});

t.test('a batch with bad articles stores the good ones and names the bad ones', async (t) => {
  const { store, ingest } = await buildServices(t);
  const good = ARTICLES.slice(0, 3);
  const bad = [
    { id: 'blank', text: '   \n\t' },
    { id: 'binary', text: 'abc\u0000def' },
    { id: '', text: 'no id' },
    { id: 'no-text' } as ArticleInput,
  ];
  const { outcomes } = await ingest.ingestBatch([good[0], bad[0], good[1], bad[1], bad[2], good[2], bad[3]]);
  t.same(
    outcomes.map((o) => o.status),
    ['stored', 'error', 'stored', 'error', 'error', 'stored', 'error'],
    'one outcome per article, in order',
  );
  const problems = outcomes.flatMap((o) => (o.status === 'error' ? [`${o.id}: ${o.problem.detail}`] : []));
  t.match(problems, [/blank.*empty/, /binary.*binary/, /id/, /no-text.*empty/], 'each bad article named with its problem');
  const stored = await store.articlesByIds([...good.map((a) => a.id), 'blank', 'binary', 'no-text']);
  t.same(stored.map((a) => a.id).sort(), good.map((a) => a.id).sort(), 'the good articles are stored, the bad ones not');
});

t.test('the extraction pool survives a worker crash: the chunk is sent again and nothing is lost', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-crash-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  process.env.POLYQUOTE_CRASH_MARKER = path.join(dir, 'crashed');
  const pool = new ExtractionPool({ threads: 2, workerFile: new URL('../helpers/crashing-extraction-worker.ts', import.meta.url) });
  t.teardown(() => pool.close());

  const { store } = await buildServices(t);
  const ingest = new IngestService(store, { linkThreshold: 0.6, extract: (inputs) => pool.extract(inputs) });
  const { outcomes } = await ingest.ingestBatch(ARTICLES);
  t.ok(readFileSync(process.env.POLYQUOTE_CRASH_MARKER, 'utf8'), 'a worker crashed');
  t.same([...new Set(outcomes.map((o) => o.status))], ['stored'], 'every article stored all the same');
  const quotes = outcomes.reduce((sum, o) => sum + (o.status === 'stored' ? o.quotes.length : 0), 0);
  t.equal(quotes, ARTICLES.reduce((sum, a) => sum + analyseArticle(a).quotes.length, 0), 'with every quote extraction finds');
});
