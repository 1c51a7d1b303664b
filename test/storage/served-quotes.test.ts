import t from 'tap';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { permalinkPrefix, SERVED_QUOTE_FIELD, SERVED_QUOTE_FORMAT, servedFor, servedQuotes, storedServedForm, withPermalinks } from '../../src/storage/served-quotes.ts';
import { rendered, toQuote } from '../../src/storage/documents.ts';
import { QueryService } from '../../src/service/queries.ts';
import { linkQuote } from '../../src/service/permalinks.ts';
import { buildServices } from '../helpers/build.ts';
import { quoteDoc } from '../helpers/documents.ts';
import pino from 'pino';

/** Strings that look like the structure the walk reads, or need escaping twice, to be found inside values intact. */
const LOOKALIKES = ['{"quoteJson":"', '"},{"quoteJson":"', '],"query":', '"lang":"vi"', '{"id":"', '"translations":[', '},{"id":"x"}]', '{}', '\\"', '\\\\', '\n\t\u0001', '\u2028', '𝔢', '</script>', '/', ']'];

/** A page-mode answer as Meilisearch writes it, for hits holding `fields`. */
function answer(hits: object[], meta: { query?: string; hitsPerPage: number; page: number; totalHits: number }): Buffer {
  const { query = '', hitsPerPage, page, totalHits } = meta;
  return Buffer.from(JSON.stringify({ hits, query, processingTimeMs: 1, hitsPerPage, page, totalPages: Math.ceil(totalHits / hitsPerPage), totalHits }));
}

const served = (n: number, text = `quote ${n}`) => ({ [SERVED_QUOTE_FIELD]: storedServedForm(toQuote(quoteDoc(n, text))) });
/** The quote's JSON in a hit's stored served form. */
const quoteOf = (hit: Record<string, string>) => JSON.stringify((JSON.parse(hit[SERVED_QUOTE_FIELD]) as [number, object])[1]);

t.test('reads each served quote out byte for byte, whatever its strings hold', async (t) => {
  const hits = LOOKALIKES.map((text, n) => served(n, text));
  const read = servedQuotes(answer(hits, { query: '],"query":"x', hitsPerPage: 20, page: 1, totalHits: 40 }));
  t.ok(read);
  t.equal(read!.total, 40);
  t.same(
    read!.quotes.map((q) => q.toString()),
    hits.map(quoteOf),
  );
});

t.test('a hit without its served form, first, between or last, is refused', async (t) => {
  const three = [served(1), served(2), served(3)];
  for (const at of [0, 1, 2]) {
    const hits = three.map((h, k) => (k === at ? {} : h));
    t.equal(servedQuotes(answer(hits, { hitsPerPage: 3, page: 1, totalHits: 3 })), undefined, `missing at ${at}`);
  }
  t.equal(servedQuotes(answer([{}, {}], { hitsPerPage: 2, page: 1, totalHits: 2 })), undefined, 'all missing');
});

t.test('a served form of another format, or of none (written before forms had one), is refused', async (t) => {
  const quote = JSON.stringify(toQuote(quoteDoc(2, 'quote 2')));
  const stored = (form: string) => [served(1), { [SERVED_QUOTE_FIELD]: form }, served(3)];
  t.ok(servedQuotes(answer(stored(`[${SERVED_QUOTE_FORMAT},${quote}]`), { hitsPerPage: 3, page: 1, totalHits: 3 })), 'the current format is read');
  for (const form of [quote, `[${SERVED_QUOTE_FORMAT + 1},${quote}]`, `[${SERVED_QUOTE_FORMAT},${quote}`, `[${SERVED_QUOTE_FORMAT},]`]) {
    t.equal(servedQuotes(answer(stored(form), { hitsPerPage: 3, page: 1, totalHits: 3 })), undefined, form.slice(0, 12));
  }
});

t.test('a short last page, an empty one past the end, an empty result', async (t) => {
  t.equal(servedQuotes(answer([served(1)], { hitsPerPage: 2, page: 3, totalHits: 5 }))?.quotes.length, 1);
  t.same(servedQuotes(answer([], { hitsPerPage: 2, page: 4, totalHits: 5 })), { quotes: [], total: 5 });
  t.same(servedQuotes(answer([], { hitsPerPage: 2, page: 1, totalHits: 0 })), { quotes: [], total: 0 });
});

t.test('answers of another shape are refused, not misread', async (t) => {
  const offsetMode = Buffer.from(JSON.stringify({ hits: [served(1)], query: '', processingTimeMs: 1, limit: 20, offset: 0, estimatedTotalHits: 1 }));
  t.equal(servedQuotes(offsetMode), undefined, 'offset mode has no exact total');
  t.equal(servedQuotes(Buffer.from(JSON.stringify({ query: '', hits: [served(1)], hitsPerPage: 1, page: 1, totalHits: 1 }))), undefined, 'hits not first');
  t.equal(servedQuotes(Buffer.from(JSON.stringify({ hits: [{ id: 'q1' }], query: '', hitsPerPage: 1, page: 1, totalHits: 1 }))), undefined, 'another field');
  t.equal(servedQuotes(Buffer.from(JSON.stringify({ hits: [{ ...served(1), lang: 'en' }], query: '', hitsPerPage: 1, page: 1, totalHits: 1 }))), undefined, 'a field more');
  t.equal(servedQuotes(Buffer.from(JSON.stringify({ hits: [{ [SERVED_QUOTE_FIELD]: 7 }], query: '', hitsPerPage: 1, page: 1, totalHits: 1 }))), undefined, 'not a string');
  t.equal(servedQuotes(Buffer.from('{"hits":[{"quoteJson":"[1,{\\u0022id\\u0022:1}]"}],"query":"","hitsPerPage":1,"page":1,"totalPages":1,"totalHits":1}')), undefined, 'an escape JSON.stringify never writes');
  for (const bytes of ['', '{', '{"hits":[', '{"hits":[{"quoteJson":"{}', '{"hits":[{"quoteJson":"{}"}', '{"hits":[{"quoteJson":"{}"}]', '{"hits":[],"query":', '{"hits":[],"query":"",', '{"hits":[]}', '\u0000\u00ff']) {
    t.equal(servedQuotes(Buffer.from(bytes)), undefined, JSON.stringify(bytes));
  }
});

t.test('a quote stands in for another language with the fallback mark, judged by its own lang only', async (t) => {
  const quote = Buffer.from(JSON.stringify(toQuote(quoteDoc(1, 'x "lang":"fr"', 'vi'))));
  t.same(Buffer.concat(servedFor(quote, undefined)), quote, 'no language asked');
  t.same(Buffer.concat(servedFor(quote, 'vi')), quote, 'in the language asked');
  t.same(JSON.parse(Buffer.concat(servedFor(quote, 'fr')).toString()), toQuote(quoteDoc(1, 'x "lang":"fr"', 'vi'), 'fr'), 'standing in for fr');
});

const PERMALINK_BASE = 'https://pq.example/quotes/';
const permalink = (id: string) => `${PERMALINK_BASE}${encodeURIComponent(id)}`;
/** Ids as articles give them, and ids no article id could give, to be encoded. */
const ID = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.constantFrom('a"b', 'a\\b', 'é/ü?#', '{"id":"'));

t.test('permalinks go after the id of the quote and of each translation, whatever the strings hold', async () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: fc.constantFrom(...LOOKALIKES, 'a', ' '), maxLength: 10 }));
  fc.assert(
    fc.property(ID, text, fc.array(fc.tuple(ID, text), { maxLength: 4 }), fc.constantFrom(undefined, 'fr'), (id, quoteText, translations, requestedLang) => {
      const doc = { ...quoteDoc(1, quoteText), id };
      doc.translations = translations.map(([tid, x], n) => ({ id: tid, lang: 'vi', text: x, original: n === 0, articleId: `b${n}` }));
      const [body, ...end] = servedFor(Buffer.from(JSON.stringify(toQuote(doc))), requestedLang);
      const linked = JSON.parse(Buffer.concat([...withPermalinks(body, permalinkPrefix(PERMALINK_BASE)), ...end]).toString());
      return JSON.stringify(Object.keys(linked).slice(0, 2)) === '["id","url"]' && isDeepStrictEqual(linked, linkQuote(toQuote(doc, requestedLang), permalink));
    }),
    { numRuns: 1000 },
  );
});

t.test('random texts: every page read gives back the quotes it was made from', async () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.constantFrom(...LOOKALIKES, 'a', ' '), maxLength: 12 }));
  fc.assert(
    fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
      const hits = texts.map((x, n) => served(n, x));
      const read = servedQuotes(answer(hits, { hitsPerPage: 8, page: 1, totalHits: hits.length }));
      return read !== undefined && read.quotes.length === hits.length && read.quotes.every((q, n) => q.toString() === quoteOf(hits[n]));
    }),
    { numRuns: 2000 },
  );
});

t.test('through Meilisearch: pages of quotes holding the lookalikes equal their documents rendered', async (t) => {
  const services = await buildServices(t);
  const queries = new QueryService(services.store);
  const docs = LOOKALIKES.map((text, n) => quoteDoc(n, `${text} ${n}`, n % 2 ? 'vi' : 'en'));
  await services.store.write({ quotes: docs.map(rendered) });
  const newestFirst = [...docs].sort((a, b) => b.publishedTs! - a.publishedTs!);
  const page = JSON.parse((await queries.searchQuotes({ limit: 4, offset: 4, fallback: false }, PERMALINK_BASE)).toString());
  t.same(page, { data: newestFirst.slice(4, 8).map((doc) => linkQuote(toQuote(doc), permalink)), total: docs.length, limit: 4, offset: 4 });
  const all = JSON.parse((await queries.searchQuotes({ limit: 20, offset: 0, lang: 'vi', fallback: true }, PERMALINK_BASE)).toString());
  t.same(all.data, newestFirst.map((doc) => linkQuote(toQuote(doc, 'vi'), permalink)), 'originals in en stand in for vi, marked');
});

t.test('through Meilisearch: a page holding a served form of an older format is rendered from the documents, and counted in the logs', async (t) => {
  const services = await buildServices(t);
  const lines: Array<{ level: number; slowPages: number; msg: string }> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const queries = new QueryService(services.store, logger);
  const docs = [1, 2, 3].map((n) => quoteDoc(n, `quote ${n}`));
  const newestFirst = [...docs].sort((a, b) => b.publishedTs! - a.publishedTs!);
  const page = async (offset = 0) => JSON.parse((await queries.searchQuotes({ limit: 3, offset, fallback: false }, PERMALINK_BASE)).toString());
  await services.store.write({ quotes: docs.map(rendered) });
  t.same((await page()).data, newestFirst.map((doc) => linkQuote(toQuote(doc), permalink)));
  t.same(lines, [], 'current forms: nothing to count');

  // as a build that served quotes otherwise (no format) wrote it
  await services.store.quotes.addDocuments([{ ...docs[1], quoteJson: JSON.stringify({ ...toQuote(docs[1]), text: 'stale' }) }]).waitTask();
  t.same((await page()).data, newestFirst.map((doc) => linkQuote(toQuote(doc), permalink)), 'served from the documents, not the stale form');
  await page();
  await page(1);
  t.same(
    lines.map(({ level, slowPages }) => ({ level, slowPages })),
    [
      { level: 40, slowPages: 1 },
      { level: 20, slowPages: 2 },
    ],
    'a warning the first time, then a debug line each, with the running count; a page off a page boundary is slow anyway, and not counted',
  );
  t.match(lines[0].msg, /older format/);
});
