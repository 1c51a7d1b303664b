import t from 'tap';
import { quoteFilter, quoteSearch } from '../../src/storage/criteria.ts';
import { rendered, type QuoteDoc } from '../../src/storage/documents.ts';
import { buildServices } from '../helpers/build.ts';
import { quoteDoc } from '../helpers/documents.ts';

/** Values that would end the quoted string, or the expression, if they reached it unescaped. */
const HOSTILE = ['x" OR lang = "en', 'x\\" OR lang EXISTS OR "', 'x\\', '"', '\\"', "') OR 1=1 --", 'vi" ) OR ( lang = "fr', '\u0000'];

t.test('criteria become one filter expression, joined by AND, every value quoted', async (t) => {
  t.equal(quoteFilter({}), undefined, 'nothing to filter');
  t.equal(quoteFilter({ q: 'words only' }), undefined, 'the words are not a filter');
  t.equal(quoteFilter({ speakerIds: ['ho-chi-minh', 'trump'] }), 'speakerId IN ["ho-chi-minh", "trump"]');
  t.equal(quoteFilter({ speakerIds: [] }), 'speakerId IN []', 'no speaker: no quote');
  t.equal(quoteFilter({ lang: 'vi' }), 'lang = "vi"');
  t.equal(quoteFilter({ lang: 'vi', fallback: true }), '(lang = "vi" OR (original = true AND NOT clusterLangs = "vi"))');
  t.equal(quoteFilter({ articleId: 'vn-1' }), 'articleId = "vn-1"');
  t.equal(quoteFilter({ publishedFrom: 1_735_689_600_000, publishedBefore: 1_735_776_000_000 }), 'publishedTs >= 1735689600000 AND publishedTs < 1735776000000');
  t.equal(
    quoteFilter({ speakerIds: ['a'], lang: 'fr', articleId: 'b', publishedFrom: 1, publishedBefore: 2 }),
    'speakerId IN ["a"] AND lang = "fr" AND articleId = "b" AND publishedTs >= 1 AND publishedTs < 2',
  );
});

t.test('hostile values stay inside their quotes', async (t) => {
  t.equal(quoteFilter({ articleId: 'x" OR lang = "en' }), 'articleId = "x\\" OR lang = \\"en"');
  t.equal(quoteFilter({ lang: 'x\\' }), 'lang = "x\\\\"', 'a trailing backslash cannot escape the closing quote');
  t.equal(quoteFilter({ speakerIds: ['a", "b'] }), 'speakerId IN ["a\\", \\"b"]');
  for (const value of HOSTILE) {
    const filter = quoteFilter({ articleId: value })!;
    // Unescaping what is between the outer quotes gives the value back: nothing of it is read as syntax.
    const quoted = /^articleId = "((?:[^"\\]|\\.)*)"$/.exec(filter);
    t.ok(quoted, `${JSON.stringify(value)} is one quoted string`);
    t.equal(quoted![1].replace(/\\(.)/g, '$1'), value);
  }
});

t.test('instants that are not whole milliseconds are refused, not written into the expression', async (t) => {
  t.throws(() => quoteFilter({ publishedFrom: Number.NaN }), RangeError);
  t.throws(() => quoteFilter({ publishedBefore: 1.5 }), RangeError);
  t.throws(() => quoteFilter({ publishedBefore: Number.POSITIVE_INFINITY }), RangeError);
});

t.test('search parameters: the words trimmed, the order fixed, tokenized as the language asked for when there are words', async (t) => {
  t.same(quoteSearch({}), { q: '', sort: ['publishedTs:desc', 'articleId:asc', 'seq:asc'] });
  t.same(quoteSearch({ q: '  hội nhập ', lang: 'vi' }), { q: 'hội nhập', filter: 'lang = "vi"', sort: ['publishedTs:desc', 'articleId:asc', 'seq:asc'], locales: ['vie'] });
  t.notOk('locales' in quoteSearch({ q: '', lang: 'vi' }), 'no words: nothing to tokenize');
  t.notOk('locales' in quoteSearch({ q: 'hola', lang: 'es' }), 'a language without its own tokenization');
});

/** Quote `n` of an article, by a speaker, published at an instant. */
function quoteOf(n: number, lang: string, articleId: string, speakerId: string, publishedTs: number): QuoteDoc {
  return { ...quoteDoc(n, `quote ${n}`, lang), articleId, speakerId, speakerName: speakerId, publishedTs, translations: [] };
}

t.test('through Meilisearch: each criterion selects what it says, and hostile values select nothing and fail nothing', async (t) => {
  const { store } = await buildServices(t);
  const day = 86_400_000;
  const docs = [
    quoteOf(1, 'vi', 'a1', 'ho-chi-minh', 10 * day),
    quoteOf(2, 'fr', 'a2', 'ho-chi-minh', 11 * day),
    quoteOf(3, 'fr', 'a3', 'macron', 12 * day),
    quoteOf(4, 'en', 'x" OR lang = "en', 'trump', 13 * day),
  ];
  await store.write({ quotes: docs.map(rendered) });
  const ids = async (criteria: Parameters<typeof store.quotePage>[0]) => (await store.quotePage(criteria, { limit: 10, offset: 0 })).hits.map((d) => d.id);
  t.same(await ids({}), ['q4', 'q3', 'q2', 'q1'], 'newest first');
  t.same(await ids({ speakerIds: ['ho-chi-minh'] }), ['q2', 'q1']);
  t.same(await ids({ speakerIds: [] }), []);
  t.same(await ids({ lang: 'fr' }), ['q3', 'q2']);
  t.same(await ids({ lang: 'vi', fallback: true }), ['q4', 'q3', 'q2', 'q1'], 'originals with no vi version stand in');
  t.same(await ids({ articleId: 'a3' }), ['q3']);
  t.same(await ids({ publishedFrom: 11 * day, publishedBefore: 13 * day }), ['q3', 'q2']);
  t.same(await ids({ articleId: 'x" OR lang = "en' }), ['q4'], 'a hostile id is only ever an id');
  for (const value of HOSTILE) {
    t.same(await ids({ articleId: value, lang: value, speakerIds: [value] }), [], JSON.stringify(value));
  }
  const served = await store.servedQuotePage({ speakerIds: ['ho-chi-minh'] }, { limit: 1, offset: 1 });
  t.same(served && { total: served.total, ids: served.quotes.map((q) => (JSON.parse(q.toString()) as { id: string }).id) }, { total: 2, ids: ['q1'] });
  t.equal(await store.servedQuotePage({}, { limit: 3, offset: 1 }), undefined, 'off a page boundary: not asked');
});
