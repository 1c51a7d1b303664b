import t from 'tap';
import { buildSeeded } from './fixtures.ts';

interface QuoteBody {
  id: string;
  lang: string;
  text: string;
  original: boolean;
  fallback?: boolean;
  clusterId: string;
  source: { articleId: string; publishedAt?: string };
  translations: Array<{ id: string; lang: string; original: boolean }>;
}

const page = async (app: Awaited<ReturnType<typeof buildSeeded>>['app'], query: Record<string, string>) => {
  const response = await app.inject({ url: '/quotes', query });
  if (response.statusCode !== 200) throw new Error(`${JSON.stringify(query)}: ${response.statusCode} ${response.body}`);
  return response.json() as { data: QuoteBody[]; total: number; limit: number; offset: number };
};

t.test('lang filters, and the vi quote links to its Indonesian translation', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const vi = await page(app, { lang: 'vi' });
  t.equal(vi.total, 2);
  t.ok(vi.data.every((q) => q.lang === 'vi' && q.original));
  const indonesian = await page(app, { lang: 'id' });
  t.equal(indonesian.total, 2);
  t.ok(indonesian.data.every((q) => !q.original), 'the translation is not the original');
  const linked = (await app.inject(`/quotes/${quoteOf('vi-trung').id}`)).json() as QuoteBody;
  t.same(linked.translations.map((tr) => [tr.lang, tr.original]), [['id', false]]);
});

t.test('fallback=true: clusters without a version in lang contribute their original, marked', async (t) => {
  const { app } = await buildSeeded(t);
  const strict = await page(app, { lang: 'fr' });
  t.equal(strict.total, 1);
  t.notOk(strict.data[0].fallback);
  const withFallback = await page(app, { lang: 'fr', fallback: 'true' });
  t.equal(withFallback.total, 3, 'the French quote and the two Vietnamese originals');
  const inLang = (lang: string) => withFallback.data.filter((q) => q.lang === lang);
  t.equal(inLang('fr').length, 1);
  t.notOk(inLang('fr')[0].fallback, 'a version in the asked language is no fallback');
  t.equal(inLang('vi').length, 2);
  t.ok(inLang('vi').every((q) => q.fallback === true && q.original), 'originals standing in are marked fallback');
  t.same(inLang('id'), [], 'translations never stand in, only originals');
  const indonesianFallback = await page(app, { lang: 'id', fallback: 'true' });
  t.same(indonesianFallback.data.map((q) => q.lang).sort(), ['fr', 'id', 'id'], 'clusters with an id version give that one');
});

t.test('q searches the text in the requested language', async (t) => {
  const { app } = await buildSeeded(t);
  const hits = await page(app, { q: 'integrasi internasional', lang: 'id' });
  t.ok(hits.total >= 1);
  t.ok(hits.data.every((q) => q.lang === 'id'));
  t.match(hits.data[0].text, /integrasi internasional/);
  const vietnamese = await page(app, { q: 'hội nhập quốc tế', lang: 'vi' });
  t.equal(vietnamese.total, 2);
  const folded = await page(app, { q: 'hoi nhap', lang: 'vi' });
  t.ok(folded.total >= 1, 'without diacritics too');
  t.equal((await page(app, { q: 'diplomatie', lang: 'vi' })).total, 0, 'a French word in the Vietnamese quotes finds nothing');
});

t.test('from/to, articleId, and stable paging with total', async (t) => {
  const { app } = await buildSeeded(t);
  t.equal((await page(app, { from: '2025-09-17' })).total, 2, 'only the Indonesian article, published the 17th');
  t.equal((await page(app, { to: '2025-09-16' })).total, 3, '`to` includes its whole day');
  t.equal((await page(app, { from: '2025-09-16', to: '2025-09-16' })).total, 2);
  t.equal((await page(app, { articleId: 'fr-hang' })).total, 1);
  t.equal((await page(app, { articleId: 'no-such-article' })).total, 0);

  const all = await page(app, { limit: '100' });
  t.equal(all.total, 5);
  const dates = all.data.map((q) => q.source.publishedAt ?? '');
  t.same(dates, [...dates].sort().reverse(), 'newest first');
  const paged: string[] = [];
  for (let offset = 0; offset < all.total; offset += 2) {
    const p = await page(app, { limit: '2', offset: String(offset) });
    t.equal(p.total, 5, 'total is the same on every page');
    t.same([p.limit, p.offset], [2, offset]);
    paged.push(...p.data.map((q) => q.id));
  }
  t.same(paged, all.data.map((q) => q.id), 'pages concatenate to the full list, in order, without repeats');
  t.same((await page(app, { limit: '100' })).data.map((q) => q.id), paged, 'the same order every time');
  t.same((await page(app, { offset: '1000' })).data, []);

  const searched = await page(app, { q: 'quốc tế', limit: '1' });
  t.equal(searched.total, 2, 'with a text query the total is exact too');
});

t.test('bad parameters are 400 problem+json naming the parameter, without stack traces', async (t) => {
  const { app } = await buildSeeded(t);
  const cases: Array<[Record<string, string>, string]> = [
    [{ lang: 'xx' }, 'lang'],
    [{ lang: 'english' }, 'lang'],
    [{ lang: '"vi" OR 1' }, 'lang'],
    [{ lang: 'VI' }, 'lang'],
    [{ lang: '' }, 'lang'],
    [{ articleId: '' }, 'articleId'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ limit: '1.5' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ offset: 'x' }, 'offset'],
    [{ from: '2025-13-01' }, 'from'],
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2025-02-30x' }, 'to'],
    [{ from: '2025-09-20', to: '2025-09-01' }, 'from'],
    [{ fallback: 'maybe' }, 'fallback'],
    [{ q: 'x'.repeat(501) }, 'q'],
  ];
  for (const [query, parameter] of cases) {
    const response = await app.inject({ url: '/quotes', query });
    const label = JSON.stringify(query).slice(0, 60);
    t.equal(response.statusCode, 400, label);
    t.match(response.headers['content-type'], /^application\/problem\+json/, label);
    const body = response.json();
    t.equal(body.status, 400);
    t.ok(body.errors.some((e: { parameter: string }) => e.parameter === parameter), `${label} names ${parameter}`);
    t.match(body.detail, parameter, `${label}: the detail says which`);
    t.notMatch(response.body, /\bat \S+ \(|\.ts:\d+|node_modules/, `${label}: no stack`);
  }
  const langs = (await app.inject({ url: '/quotes', query: { lang: 'xx' } })).json();
  t.match(langs.detail, /en, fr, id, vi/, 'an unknown language lists the languages held');
});

t.test('a language the store holds becomes valid, beyond the first-class ones', async (t) => {
  const { app, auth } = await buildSeeded(t);
  t.equal((await app.inject('/quotes?lang=de')).statusCode, 400);
  const german = {
    id: 'de-1',
    lang: 'de',
    // The generic rules read English speech verbs; what matters here is the language code.
    text: '"Wir werden die Zusammenarbeit mit unseren Partnern weiter vertiefen," said Le Hoai Trung in Berlin.',
  };
  const ingested = await app.inject({ method: 'POST', url: '/articles', headers: auth, payload: german });
  t.equal(ingested.json().articles[0].quotes, 1, 'the German quote is stored');
  const response = await app.inject('/quotes?lang=de');
  t.equal(response.statusCode, 200);
  const unknown = await app.inject('/quotes?lang=xx');
  t.match(unknown.json().detail, /de, en, fr, id, vi/);
});

t.test('GET /quotes/:id: one quote, 404 problem for an unknown id', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const quote = (await app.inject(`/quotes/${quoteOf('id-trung').id}`)).json() as QuoteBody;
  t.equal(quote.lang, 'id');
  t.equal(quote.translations[0].lang, 'vi');
  const missing = await app.inject('/quotes/nope');
  t.equal(missing.statusCode, 404);
  t.match(missing.headers['content-type'], /problem\+json/);
  const hostile = await app.inject(`/quotes/${encodeURIComponent('x" OR id EXISTS')}`);
  t.equal(hostile.statusCode, 404);
});

t.test('quotes stored before documents carried their served form are served the same, alone or mixed with newer ones', async (t) => {
  const { app, services } = await buildSeeded(t);
  const urls = ['/quotes?limit=100', '/quotes?lang=fr&fallback=true', '/quotes?lang=vi&offset=1&limit=1', '/quotes?limit=2&offset=2'];
  const before = await Promise.all(urls.map(async (url) => (await app.inject(url)).body));
  // Rewrite one article's quotes without the served form, around the Store, as a previous version wrote them.
  const stored = async () => (await services.store.quotes.getDocuments({ filter: 'articleId = "vi-trung"', limit: 100 })).results;
  const docs = await stored();
  t.ok(docs.length > 0 && docs.every((doc) => typeof doc.quoteJson === 'string'), 'stored quotes carry their served form');
  await services.store.quotes.addDocuments(docs.map(({ quoteJson: _served, ...fields }) => fields)).waitTask();
  const stripped = await stored();
  t.ok(stripped.every((doc) => doc.quoteJson === undefined), 'the served form is gone');
  for (const [k, url] of urls.entries()) t.same(JSON.parse((await app.inject(`${url}&again=1`)).body), JSON.parse(before[k]), url);
});
