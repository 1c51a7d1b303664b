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
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { tryItOutEnabled: true } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
