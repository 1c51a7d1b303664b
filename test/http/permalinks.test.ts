import t from 'tap';
import { ARTICLES, buildSeeded } from './fixtures.ts';

interface Linked {
  id: string;
  url: string;
  translations?: Array<{ id: string; url: string }>;
}

const HOST = 'quotes.example:8080';
const permalink = (id: string) => `http://${HOST}/quotes/${id}`;

t.test('every quote in API answers carries its permalink, and so does each of its translations', async (t) => {
  const { app, auth } = await buildSeeded(t);
  const get = async (url: string, query: Record<string, string> = {}) => (await app.inject({ url, query, headers: { host: HOST } })).json();
  const checkAll = (where: string, quotes: Linked[]) => {
    t.ok(quotes.length > 0, `${where}: quotes to check`);
    for (const quote of quotes) {
      t.equal(quote.url, permalink(quote.id), `${where}: ${quote.id}`);
      for (const translation of quote.translations ?? []) t.equal(translation.url, permalink(translation.id), `${where}: translation ${translation.id}`);
    }
  };

  const page = await get('/quotes', { limit: '10' });
  checkAll('GET /quotes (read out of the answer)', page.data);
  t.ok(page.data.some((q: Linked) => q.translations?.length), 'some with translations');
  checkAll('GET /quotes at an offset off the page grid (rendered from the documents)', (await get('/quotes', { limit: '2', offset: '1' })).data);
  checkAll('GET /quotes?fallback=true', (await get('/quotes', { lang: 'fr', fallback: 'true' })).data);
  const one = await get(`/quotes/${page.data[0].id}`);
  checkAll('GET /quotes/{id}', [one]);
  const reposted = await app.inject({ method: 'POST', url: '/articles', headers: { ...auth, host: HOST }, payload: ARTICLES[0] });
  checkAll('POST /articles', reposted.json().quotes);
  const verified = await get('/verify', { text: page.data[0].text });
  checkAll('GET /verify', verified.matches.flatMap((m: { quote: Linked; original: Linked | null }) => [m.quote, m.original ?? []].flat()));

  for (const quote of page.data as Linked[]) {
    const followed = await app.inject({ url: new URL(quote.url).pathname, headers: { host: HOST } });
    t.equal(followed.json().id, quote.id, 'the permalink leads to the quote');
  }
});
