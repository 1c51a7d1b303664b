import { readFile } from 'node:fs/promises';
import t from 'tap';
import { build, TEST_API_KEY } from '../helpers/build.ts';
import { createPolyquoteClient } from '../../client/index.ts';
import { CLIENT_SCHEMA_FILE, clientSchemaSource } from '../../scripts/generate-client.ts';
import { ARTICLES } from './fixtures.ts';

t.test('the typed client against the running service', async (t) => {
  const { app } = await build(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const client = createPolyquoteClient(baseUrl, TEST_API_KEY);

  const ingested = await client.POST('/articles', { body: ARTICLES });
  t.equal(ingested.response.status, 200, 'the API key goes on writes');
  t.same(ingested.data?.articles.map((a) => a.id), ARTICLES.map((a) => a.id));

  const { data: page, response } = await client.GET('/quotes', { params: { query: { speaker: 'Bapak Le Hoai Trung', lang: 'vi', limit: 10 } } });
  t.equal(response.status, 200);
  t.equal(page?.total, 2);
  const quote = page!.data[0];
  t.equal(quote.speaker?.name, 'Lê Hoài Trung');

  const one = await client.GET('/quotes/{id}', { params: { path: { id: quote.id } } });
  t.equal(typeof one.data === 'object' && 'translations' in one.data && one.data.translations[0]?.lang, 'id');

  const citation = await client.GET('/quotes/{id}/citation', { params: { path: { id: quote.id }, query: { style: 'text' } }, parseAs: 'text' });
  t.match(citation.data, 'Lê Hoài Trung');

  const speakers = await client.GET('/speakers', { params: { query: { q: 'le hoai' } } });
  t.equal(speakers.data?.data[0]?.id, 'le-hoai-trung');

  const bad = await client.GET('/quotes', { params: { query: { lang: 'xx' } } });
  t.equal(bad.response.status, 400);
  t.equal(bad.error?.errors?.[0]?.parameter, 'lang', 'errors come back as typed problems');

  const reader = createPolyquoteClient(baseUrl);
  const refused = await reader.DELETE('/articles/{id}', { params: { path: { id: 'fr-hang' } } });
  t.equal(refused.response.status, 401, 'without a key, writes are refused');
  const removed = await client.DELETE('/articles/{id}', { params: { path: { id: 'fr-hang' } } });
  t.equal(removed.response.status, 204);
});

t.test('client/schema.d.ts matches the API as it is served', async (t) => {
  const { app } = await build(t);
  const current = await clientSchemaSource(app.swagger());
  const committed = await readFile(CLIENT_SCHEMA_FILE, 'utf8');
  t.ok(current === committed, 'client/schema.d.ts is up to date (regenerate: npm run openapi && npm run client)');
});
