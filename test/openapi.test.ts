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

t.test('GET /docs serves the Swagger UI', async (t) => {
  const { app } = await build(t);
  const page = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(page.statusCode, 200);
  t.match(page.body, /swagger-ui/i);
});
