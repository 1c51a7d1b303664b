import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { build } from '../helpers/build.ts';
import { createMeiliClient } from '../../src/storage/meili/client.ts';
import { IngestService } from '../../src/service/ingest.ts';
import { Store } from '../../src/storage/store.ts';
import { buildSeeded, frArticle, viArticle } from './fixtures.ts';

const READS = ['/quotes', '/quotes?lang=vi', '/speakers', '/speakers/le-hoai-trung'];

t.test('reads carry a weak ETag from the body and Cache-Control; If-None-Match gives 304', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const id = quoteOf('vi-trung').id;
  for (const url of [...READS, `/quotes/${id}`, `/quotes/${id}/citation?style=html`, `/oembed?url=http://localhost/quotes/${id}`]) {
    const first = await app.inject(url);
    t.equal(first.statusCode, 200, url);
    t.match(first.headers.etag, /^W\/"[\w-]+"$/, `${url}: weak ETag`);
    t.equal(first.headers['cache-control'], 'public, max-age=30', url);
    const again = await app.inject(url);
    t.equal(again.headers.etag, first.headers.etag, `${url}: same body, same ETag`);
    t.equal(again.body, first.body);
    const revalidated = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    t.equal(revalidated.statusCode, 304, `${url}: 304`);
    t.equal(revalidated.body, '', 'no body');
    t.equal(revalidated.headers.etag, first.headers.etag);
    const listed = await app.inject({ url, headers: { 'if-none-match': `"other", ${String(first.headers.etag).slice(2)}` } });
    t.equal(listed.statusCode, 304, `${url}: a strong form in a list matches weakly`);
    const stale = await app.inject({ url, headers: { 'if-none-match': 'W/"something-else"' } });
    t.equal(stale.statusCode, 200);
  }
  const jsonLd = await app.inject({ url: `/quotes/${id}`, headers: { accept: 'application/ld+json' } });
  const json = await app.inject(`/quotes/${id}`);
  t.not(jsonLd.headers.etag, json.headers.etag, 'each representation has its own ETag');
  t.match(jsonLd.headers['content-type'], /ld\+json/, 'the cache keys on Accept');
  t.match((await app.inject(`/quotes/${id}`)).headers['content-type'], /^application\/json/);
});

t.test('errors, writes and health are not cached', async (t) => {
  const { app, auth } = await build(t);
  const missing = await app.inject('/quotes/nope');
  t.equal(missing.statusCode, 404);
  t.notOk(missing.headers.etag);
  t.notOk(missing.headers['cache-control']);
  t.notOk((await app.inject('/quotes?limit=0')).headers.etag, 'a 400 carries no ETag');
  t.notOk((await app.inject('/health')).headers['cache-control']);
  const write = await app.inject({ method: 'POST', url: '/articles', headers: auth, payload: frArticle });
  t.notOk(write.headers.etag);
});

t.test('repeated reads are served from the in-process cache, from their second answer on', async (t) => {
  const { app } = await buildSeeded(t);
  const before = { ...app.responseCache.stats };
  const first = await app.inject('/quotes?lang=vi');
  t.equal(first.headers['x-cache'], 'MISS');
  t.equal(app.responseCache.stats.stores - before.stores, 0, 'a read asked once is not kept');
  t.equal((await app.inject('/quotes?lang=vi')).headers['x-cache'], 'MISS');
  t.equal(app.responseCache.stats.stores - before.stores, 1, 'asked again, it is');
  for (let i = 0; i < 5; i++) t.equal((await app.inject('/quotes?lang=vi')).headers['x-cache'], 'HIT');
  t.equal(app.responseCache.stats.hits - before.hits, 5);
  t.equal(app.responseCache.stats.misses - before.misses, 2);
  t.equal((await app.inject('/quotes?lang=vi&limit=20')).headers['x-cache'], 'MISS', 'another URL is another entry');
});

t.test('one-off reads do not push out the reads asked for again', async (t) => {
  const { app, services } = await buildSeeded(t);
  // The seeding's tasks, as the server's watch for other writers sees them: seen now, they cannot empty the cache midway.
  await services.store.checkWrites();
  for (let i = 0; i < 2; i++) await app.inject('/quotes?lang=vi');
  const size = app.responseCache.size;
  for (let offset = 1; offset <= 1100; offset++) await app.inject(`/quotes?offset=${offset}`);
  t.equal(app.responseCache.size, size, 'nothing kept for 1,100 reads asked once');
  t.equal((await app.inject('/quotes?lang=vi')).headers['x-cache'], 'HIT');
});

t.test('no stale reads after POST or DELETE /articles', async (t) => {
  const { app, auth } = await build(t);
  const countOf = async (url: string) => (await app.inject(url)).json().total as number;
  // Warm the cache with the empty store (a read is kept the second time it is asked).
  for (const url of [...READS.slice(0, 3), ...READS.slice(0, 3)]) await app.inject(url);
  t.equal(await countOf('/quotes'), 0);
  t.equal((await app.inject('/quotes')).headers['x-cache'], 'HIT');
  const emptyEtag = (await app.inject('/quotes')).headers.etag;

  t.equal((await app.inject({ method: 'POST', url: '/articles', headers: auth, payload: viArticle })).statusCode, 200);
  const afterPost = await app.inject('/quotes');
  t.equal(afterPost.headers['x-cache'], 'MISS', 'the write emptied the cache');
  t.equal(afterPost.json().total, 2, 'the new quotes are visible at once');
  t.not(afterPost.headers.etag, emptyEtag);
  t.equal((await app.inject({ url: '/quotes', headers: { 'if-none-match': String(emptyEtag) } })).statusCode, 200, 'the old ETag no longer validates');
  t.equal(await countOf('/speakers'), 1);

  const rejected = await app.inject({ method: 'POST', url: '/articles', payload: viArticle });
  t.equal(rejected.statusCode, 401);
  t.equal((await app.inject('/quotes')).headers['x-cache'], 'HIT', 'a refused write keeps the cache');

  t.equal((await app.inject({ method: 'DELETE', url: '/articles/vi-trung', headers: auth })).statusCode, 204);
  t.equal(await countOf('/quotes'), 0, 'the deleted quotes are gone at once');
  t.equal(await countOf('/speakers'), 0);
  t.equal((await app.inject('/speakers/le-hoai-trung')).statusCode, 404);
});

t.test('a write by another process (the index CLI) reaches cached reads within seconds', async (t) => {
  const { app, services } = await build(t);
  // Another process: its own client and Store over the same Meilisearch and indexes, writing without the API.
  const other = new Store(createMeiliClient({ url: services.meili.url, masterKey: services.meili.masterKey, timeoutMs: 5_000 }), services.store.prefix);
  const cli = new IngestService(other, { linkThreshold: 0.6 });
  for (let i = 0; i < 2; i++) t.equal((await app.inject('/quotes')).json().total, 0);
  t.equal((await app.inject('/quotes')).headers['x-cache'], 'HIT');
  t.equal((await app.inject('/quotes?speaker=Le+Hoai+Trung')).json().total, 0, 'an unknown speaker, resolved and remembered');

  await cli.ingest([viArticle]);
  // A bound on the wait (the server looks every second), generous for a loaded machine: not a timing assertion.
  const deadline = Date.now() + 30_000;
  let total = 0;
  while (Date.now() < deadline && (total = (await app.inject('/quotes')).json().total) === 0) await sleep(100);
  t.equal(total, 2, `the other process's quotes are served after ${30_000 - (deadline - Date.now())} ms`);
  t.equal((await app.inject('/quotes?speaker=Le+Hoai+Trung')).json().total, 2, 'and the speaker it introduced resolves');
});

t.test('reads racing writes never leave stale entries behind', async (t) => {
  const { app, auth } = await build(t);
  const articles = Array.from({ length: 6 }, (_, i) => ({ ...viArticle, id: `race-${i}`, url: `https://example.vn/race-${i}.html` }));
  let reading = true;
  const reader = (async () => {
    while (reading) {
      await app.inject('/quotes?limit=100');
      // Cache hits resolve without I/O; yielding lets the writes' Meilisearch responses in, as real sockets would.
      await setImmediate();
    }
  })();
  for (const article of articles) {
    t.equal((await app.inject({ method: 'POST', url: '/articles', headers: auth, payload: article })).statusCode, 200);
    const total = (await app.inject('/quotes?limit=100')).json().total;
    t.equal(total, 2 * (articles.indexOf(article) + 1), `after ${article.id}: every stored quote is visible`);
  }
  reading = false;
  await reader;
  const ids = new Set(((await app.inject('/quotes?limit=100')).json().data as Array<{ articleId: string; source: { articleId: string } }>).map((q) => q.source.articleId));
  t.equal(ids.size, articles.length);
});

t.test('the LRU keeps within its entry bound', async (t) => {
  const { app } = await build(t);
  for (let offset = 0; offset < 1100; offset++) for (let i = 0; i < 2; i++) await app.inject(`/quotes?offset=${offset}`);
  t.ok(app.responseCache.size <= 1000, `size ${app.responseCache.size}`);
  t.equal((await app.inject('/quotes?offset=1099')).headers['x-cache'], 'HIT', 'the most recent stays');
  t.equal((await app.inject('/quotes?offset=0')).headers['x-cache'], 'MISS', 'the least recent went first');
});
