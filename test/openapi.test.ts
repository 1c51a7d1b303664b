import { readFile } from 'node:fs/promises';
import t from 'tap';
import YAML from 'yaml';
import { build } from './helpers/build.ts';

t.test('GET /openapi.json serves exactly the committed openapi.yaml (run `npm run openapi` when this fails)', async (t) => {
  const { app } = await build(t);
  const served = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const committed = YAML.parse(await readFile(new URL('../openapi.yaml', import.meta.url), 'utf8'));
  t.same(served, committed);
  t.ok(served.paths['/quotes'], 'documents /quotes');
  t.ok(served.components.schemas.Quote, 'Quote is a shared component');
});

t.test('each schema once: no …Input twin of a schema that requests do not use differently', async (t) => {
  const document = YAML.parse(await readFile(new URL('../openapi.yaml', import.meta.url), 'utf8'));
  const names = Object.keys(document.components.schemas);
  t.same(names.filter((name) => name.endsWith('Input') && names.includes(name.slice(0, -'Input'.length))), [], 'no twins');
  for (const name of ['Quote', 'QuotePage', 'Problem', 'Article', 'Speaker', 'SpeakerPage']) t.ok(names.includes(name), `${name} is defined`);
  const body = document.paths['/articles'].post.requestBody.content['application/json'].schema;
  t.match(JSON.stringify(body), /#\/components\/schemas\/Article"/, 'POST /articles takes Article');
  const refs = [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
  t.same(refs.filter((name) => !names.includes(name)), [], 'every reference resolves');
});

t.test('GET /docs serves the Swagger UI', async (t) => {
  const { app } = await build(t);
  const page = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(page.statusCode, 200);
  t.match(page.body, /swagger-ui/i);
});
