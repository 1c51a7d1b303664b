/**
 * The optional embedder over a real Meilisearch and a real HTTP embedding service started here (a hand-written table
 * of topic vectors, no model): it links what the default linker cannot, never across speakers, and a failing or
 * hanging service leaves ingestion exactly as the linker alone would.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { buildServices } from '../helpers/build.ts';
import { createEmbedderEdges, type EmbedderLogger } from '../../src/linking/embedder.ts';
import { IngestService } from '../../src/service/ingest.ts';
import type { ArticleInput } from '../../src/ingestion/types.ts';
import type { Store } from '../../src/storage/store.ts';

type Test = Parameters<typeof buildServices>[0];

/** Each sentence (in any language) → its topic: translations of one sentence share a topic, hence a vector. */
const TOPICS: Array<[string, number]> = [
  ['Our children deserve calmer mornings', 0],
  ['Nos enfants méritent des matinées plus calmes', 0],
  ['Les enseignants seront consultés', 1],
  ['Teachers will be consulted', 1],
  ['Le calendrier actuel fatigue les élèves', 2],
  ['The current calendar tires pupils', 2],
];
const DIMENSIONS = 8;

function vectorOf(text: string): number[] | undefined {
  const topic = TOPICS.find(([prefix]) => text.startsWith(prefix))?.[1];
  if (topic === undefined) return undefined;
  // Mostly the topic's axis, a little of a shared one: similar topics are not orthogonal, translations identical.
  return Array.from({ length: DIMENSIONS }, (_, i) => (i === topic ? 1 : i === DIMENSIONS - 1 ? 0.3 : 0));
}

interface FakeEmbedder {
  url: string;
  mode: 'ok' | 'fail' | 'hang';
  requests: Array<{ model: string; input: string[]; authorization?: string }>;
  unknown: string[];
}

async function fakeEmbedder(t: Test, mode: FakeEmbedder['mode'] = 'ok'): Promise<FakeEmbedder> {
  const state: FakeEmbedder = { url: '', mode, requests: [], unknown: [] };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; input: string[] };
    state.requests.push({ model: body.model, input: body.input, authorization: req.headers.authorization });
    if (state.mode === 'hang') return; // never answers
    if (state.mode === 'fail') {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
      return;
    }
    const data = body.input.map((text, index) => {
      const embedding = vectorOf(text);
      if (!embedding) state.unknown.push(text);
      return { object: 'embedding', index, embedding: embedding ?? Array.from({ length: DIMENSIONS }, (_, i) => (i === DIMENSIONS - 2 ? 1 : 0)) };
    });
    // Out of order on purpose: clients must go by `index`.
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: data.reverse(), model: body.model }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return state;
}

function recordingLogger(): EmbedderLogger & { warnings: Array<{ obj: object; msg: string }> } {
  const warnings: Array<{ obj: object; msg: string }> = [];
  return { warnings, warn: (obj, msg) => warnings.push({ obj, msg }) };
}

// One English quote by Claire Delorme in a long report on other things; a short French article by another outlet with
// three of hers, none carrying a number or a name: no source line, texts of very different lengths, nothing for the
// default linker to go by.
const en: ArticleInput = {
  id: 'emb-en',
  outlet: 'Morning Post',
  text: ` date 2025-03-10
Strikes, budgets and a calendar: a week in European schools

Teachers in Belgium and the Netherlands walked out on Tuesday over pay, closing hundreds of schools from Antwerp to Utrecht.

In Germany, the Bavarian government promised to hire more teachers for rural districts after a report by the Ifo institute.

Spanish regions are still arguing with Madrid over who pays for free school meals, and Portugal has postponed its exams reform.

Italy's education ministry published the results of its national tests, which show a widening gap between the north and the south of the country.

In Poland, parents' associations collected signatures against a new history curriculum, which the government says will be introduced in September.

Sweden is reviewing its free-school system after several chains went bankrupt, leaving thousands of pupils to find new places mid-year.

In France, education minister Claire Delorme spoke to teachers in Lyon on Monday about the reform of the school calendar.

"Our children deserve calmer mornings and shorter afternoons," Claire Delorme said.
`,
};
const fr: ArticleInput = {
  id: 'emb-fr',
  outlet: 'Le Quotidien',
  text: ` date 2025-03-11
La ministre défend sa réforme devant les enseignants

La ministre de l'Éducation Claire Delorme a rencontré des enseignants lundi.

« Nos enfants méritent des matinées plus calmes et des après-midi plus courts », a déclaré Claire Delorme.

« Les enseignants seront consultés à chaque étape de la mise en oeuvre », a-t-elle ajouté.

« Le calendrier actuel fatigue les élèves bien avant les vacances », a poursuivi Claire Delorme.
`,
};
// The same French sentence in the mouth of someone else, next to a quote of Delorme on another topic.
const frOther: ArticleInput = {
  id: 'emb-fr-other',
  outlet: 'Le Quotidien',
  text: ` date 2025-03-11
Le syndicat répond à la ministre

Le secrétaire général du syndicat Marc Fontaine a repris lundi les mots de la ministre Claire Delorme.

« Nos enfants méritent des matinées plus calmes et des après-midi plus courts », a déclaré Marc Fontaine.

« Le calendrier actuel fatigue les élèves bien avant les vacances », a rappelé Claire Delorme.
`,
};
// A translation the default linker does link (source line, same quotes in the same order).
const FR_URL = 'https://quotidien.example.fr/education/la-ministre-defend-sa-reforme-devant-les-enseignants';
const frSourced: ArticleInput = { ...fr, id: 'emb-fr-src', url: FR_URL };
const enTranslation: ArticleInput = {
  id: 'emb-en-tr',
  outlet: 'Morning Post',
  text: ` date 2025-03-11
Source: ${FR_URL}

The minister defends her reform in front of teachers

Education minister Claire Delorme met teachers on Monday.

"Our children deserve calmer mornings and shorter afternoons," Claire Delorme said.

"Teachers will be consulted at every step of the implementation," she added.

"The current calendar tires pupils long before the holidays," Claire Delorme went on.
`,
};

/** Each quote as `article:text-prefix`, with the others of its cluster. */
async function clusters(store: Store, articles: ArticleInput[]): Promise<string[]> {
  const quotes = await store.quotesOfArticles(articles.map((a) => a.id));
  const label = (q: (typeof quotes)[number]) => `${q.articleId}:${q.text.slice(0, 20)}`;
  const byCluster = new Map<string, string[]>();
  for (const q of quotes) byCluster.set(q.clusterId, [...(byCluster.get(q.clusterId) ?? []), label(q)]);
  return [...byCluster.values()].map((members) => members.sort().join(' + ')).sort();
}

/** The clusters the default linker alone gives. */
async function linkerAlone(t: Test, articles: ArticleInput[]): Promise<string[]> {
  const services = await buildServices(t);
  for (const a of articles) await services.ingest.ingest([a]);
  return clusters(services.store, articles);
}

async function withEmbedder(t: Test, embedder: FakeEmbedder, options: { timeoutMs?: number; apiKey?: string } = {}) {
  const { store } = await buildServices(t);
  const logger = recordingLogger();
  const ingest = new IngestService(store, {
    linkThreshold: 0.6,
    extraEdges: createEmbedderEdges({
      url: embedder.url,
      model: 'test-embed',
      apiKey: options.apiKey,
      minSimilarity: 0.85,
      timeoutMs: options.timeoutMs ?? 2_000,
      logger,
    }),
  });
  return { store, ingest, logger };
}

t.test('links the same statement across languages where the default linker cannot', async (t) => {
  const alone = await linkerAlone(t, [en, fr]);
  t.equal(alone.length, 4, 'the linker alone leaves all four quotes apart');

  for (const order of [
    [en, fr],
    [fr, en],
  ]) {
    const embedder = await fakeEmbedder(t);
    const { store, ingest, logger } = await withEmbedder(t, embedder, { apiKey: 'sk-test' });
    for (const a of order) await ingest.ingest([a]);
    t.same(
      await clusters(store, [en, fr]),
      [
        'emb-en:Our children deserve + emb-fr:Nos enfants méritent',
        'emb-fr:Le calendrier actuel',
        'emb-fr:Les enseignants sero',
      ],
      `order ${order.map((a) => a.id).join(', ')}`,
    );
    const [quote] = (await store.quotesOfArticles([en.id]));
    t.equal(quote.translations.length, 1);
    t.equal(quote.translations[0].lang, 'fr');
    t.ok(quote.linkConfidence >= 0.85 && quote.linkConfidence <= 1, 'the similarity is the confidence');
    t.same(logger.warnings, []);
    t.same(embedder.unknown, []);
    // The first article had no candidate: one batched request for the second, with both articles' quotes.
    t.equal(embedder.requests.length, 1, 'one request');
    t.equal(embedder.requests[0].input.length, 4);
    t.equal(embedder.requests[0].model, 'test-embed');
    t.equal(embedder.requests[0].authorization, 'Bearer sk-test');

    // Re-posting the same article: every embedding comes from the cache, the link stays.
    await ingest.ingest([order[1]]);
    t.equal(embedder.requests.length, 1, 'embeddings cached by quote id');
    t.equal((await clusters(store, [en, fr])).length, 3);
  }
});

t.test('never links two speakers, even with identical embeddings', async (t) => {
  const embedder = await fakeEmbedder(t);
  const { store, ingest, logger } = await withEmbedder(t, embedder);
  await ingest.ingest([frOther]);
  await ingest.ingest([en]);
  t.same(await clusters(store, [en, frOther]), [
    'emb-en:Our children deserve',
    'emb-fr-other:Le calendrier actuel',
    'emb-fr-other:Nos enfants méritent',
  ]);
  // The embedder was asked (Delorme has quotes on both sides), only about Delorme's quotes.
  t.equal(embedder.requests.length, 1);
  t.same(embedder.requests[0].input.sort(), ['Le calendrier actuel fatigue les élèves bien avant les vacances', 'Our children deserve calmer mornings and shorter afternoons,'].sort());
  t.same(logger.warnings, []);
});

t.test("adds to the default linker's links, never in place of them", async (t) => {
  const articles = [frSourced, enTranslation, en];
  const alone = await buildServices(t);
  for (const a of articles) await alone.ingest.ingest([a]);
  const linkerLinks = (await alone.store.quotesOfArticles(articles.map((a) => a.id))).flatMap((q) => q.links.map((l) => `${q.id} ${l.id} ${l.confidence}`));
  t.ok(linkerLinks.length > 0);

  const embedder = await fakeEmbedder(t);
  const { store, ingest } = await withEmbedder(t, embedder);
  for (const a of articles) await ingest.ingest([a]);
  const quotes = await store.quotesOfArticles(articles.map((a) => a.id));
  const links = quotes.flatMap((q) => q.links.map((l) => `${q.id} ${l.id} ${l.confidence}`));
  for (const link of linkerLinks) t.ok(links.includes(link), `the linker's ${link} kept as it was`);
  t.ok(links.length > linkerLinks.length, 'and the embedder added some');
  // Every French quote now has its English versions.
  for (const q of quotes.filter((q) => q.articleId === frSourced.id)) t.ok(q.clusterLangs.includes('en'), q.text);
  t.same(embedder.unknown, []);
});

for (const mode of ['fail', 'hang'] as const) {
  t.test(`a ${mode === 'fail' ? 'failing (500)' : 'hanging'} embedder leaves the default linker's result`, async (t) => {
    const articles = [frSourced, enTranslation, en];
    const reference = await linkerAlone(t, articles);
    // The linker alone does link some of these (the translation, the same English words): a result to keep.
    t.ok(reference.some((c) => c.includes('emb-en-tr:') && c.includes('emb-fr-src:')), 'the linker links the translation');

    const embedder = await fakeEmbedder(t, mode);
    const { store, ingest, logger } = await withEmbedder(t, embedder, { timeoutMs: 300 });
    // A hanging embedder costs its timeout once, then the cooldown skips it: one request, one warning (below).
    for (const a of articles) {
      const result = await ingest.ingest([a]);
      t.equal(result.articles[0].id, a.id, `${a.id} ingested`);
    }
    t.same(await clusters(store, articles), reference);
    t.ok(embedder.requests.length >= 1, 'the embedder was asked');
    t.equal(logger.warnings.length, 1, 'one warning, then the embedder is left alone for a while');
    t.match(logger.warnings[0].msg, /embedder unavailable/);
  });
}
