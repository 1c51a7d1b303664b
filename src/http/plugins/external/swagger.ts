import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const API_INFO = {
  title: 'polyquote',
  version: '0.1.0',
  description:
    'Translated quote retrieval: direct quotations from news articles in Vietnamese, Indonesian, French and English, ' +
    'attributed to their speakers and linked to their versions in the other languages.',
};

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;
type Schemas = Record<string, unknown>;
const SCHEMA_REF = '#/components/schemas/';
const twinOf = (name: string) => name.slice(0, -'Input'.length);

/**
 * The zod provider emits every registered schema twice, as read from a request (`QuoteInput`) and as sent in a
 * response (`Quote`). Where the two are the same schema one name is enough, and a twin no request refers to is a
 * response-only schema read as input: an `…Input` schema stays only when a request uses it and it differs, and takes
 * the plain name when no response uses the other form.
 */
function withoutInputTwins(document: OpenApiDocument): OpenApiDocument {
  const { components = {}, ...rest } = document as { components?: { schemas?: Schemas } };
  const schemas = components.schemas ?? {};
  // Twins equal to their response form once the twins they refer to are renamed too: merge as many as stay equal.
  const merged = new Set(Object.keys(schemas).filter((name) => name.endsWith('Input') && twinOf(name) in schemas));
  const renamed = (value: unknown) =>
    JSON.stringify(value, (key, v) => (key === '$ref' && typeof v === 'string' && merged.has(v.slice(SCHEMA_REF.length)) ? twinOf(v) : v));
  for (let changed = true; changed; ) {
    changed = false;
    for (const twin of merged) {
      if (renamed(schemas[twin]) !== renamed(schemas[twinOf(twin)])) changed = merged.delete(twin);
    }
  }
  const paths = JSON.parse(renamed(rest)) as Record<string, unknown>;
  const kept = JSON.parse(renamed(Object.fromEntries(Object.entries(schemas).filter(([name]) => !merged.has(name))))) as Schemas;
  const used = reachable(paths, kept);
  const isUnusedTwin = (name: string) => name.endsWith('Input') && twinOf(name) in kept && !used.has(name);
  // A request-only schema (`VerifyRequest`) keeps its own name for the form requests use.
  const requestOnly = new Set(Object.keys(kept).filter((name) => name.endsWith('Input') && twinOf(name) in kept && used.has(name) && !used.has(twinOf(name))));
  const named = (value: unknown) =>
    JSON.parse(JSON.stringify(value, (key, v) => (key === '$ref' && typeof v === 'string' && requestOnly.has(v.slice(SCHEMA_REF.length)) ? twinOf(v) : v)));
  const schemasOut = Object.fromEntries(
    Object.entries(kept)
      .filter(([name]) => !isUnusedTwin(name) && !requestOnly.has(`${name}Input`))
      .map(([name, schema]) => [requestOnly.has(name) ? twinOf(name) : name, schema]),
  );
  const result = { ...document, ...named(paths), components: { ...components, schemas: named(schemasOut) } };
  return result as OpenApiDocument;
}

/** The schemas the document refers to from outside its components, directly or through other schemas. */
function reachable(from: unknown, schemas: Schemas): Set<string> {
  const refs = (value: unknown) => [...JSON.stringify(value ?? {}).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const queue = refs(from);
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...refs(schemas[name]));
  }
  return seen;
}

/** The OpenAPI document is generated from the routes' zod schemas; the Swagger UI is served at /docs. */
export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: API_INFO,
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'the API_KEY of the service' } },
      },
      tags: [
        { name: 'quotes', description: 'quotes and their translations' },
        { name: 'speakers', description: 'who said them, under any spelling' },
        { name: 'articles', description: 'ingestion (needs the API key)' },
        { name: 'health', description: 'liveness and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => withoutInputTwins(jsonSchemaTransformObject(document)),
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { tryItOutEnabled: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
