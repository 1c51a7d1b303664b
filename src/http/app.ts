import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_JOB_BODY_LIMIT_BYTES, type Config } from '../config.ts';
import type { Services } from './services.ts';
import { answerClientError, sendProblem } from './problem.ts';
import swagger from './plugins/external/swagger.ts';
import security from './plugins/external/security.ts';
import errors from './plugins/app/errors.ts';
import cache from './plugins/app/cache.ts';
import lingeringBody from './plugins/app/lingering-body.ts';
import body from './plugins/app/body.ts';
import listQuotes from './routes/quotes/list.ts';
import getQuote from './routes/quotes/get.ts';
import quoteCitation from './routes/quotes/citation.ts';
import oembed from './routes/oembed/get.ts';
import verifyByQuery from './routes/verify/get.ts';
import verifyByBody from './routes/verify/post.ts';
import listSpeakers from './routes/speakers/list.ts';
import getSpeaker from './routes/speakers/get.ts';
import createArticles from './routes/articles/create.ts';
import deleteArticle from './routes/articles/delete.ts';
import health from './routes/health/index.ts';
import createIngestJob from './routes/ingest-jobs/create.ts';
import getIngestJob from './routes/ingest-jobs/get.ts';

export type AppConfig = Pick<Config, 'CORS_ORIGINS' | 'RATE_LIMIT_MAX' | 'RATE_LIMIT_WINDOW_MS' | 'BODY_LIMIT_BYTES'> &
  Partial<Pick<Config, 'JOB_BODY_LIMIT_BYTES'>> & { apiKey: string };

/**
 * Requests are validated by their zod schemas. Responses are built by typed mappers (toQuote, toSpeaker; quote pages
 * are read out of what toQuote rendered at write time) and their shape is pinned by the tests and the typed client;
 * re-validating every response with zod cost a fifth of the API's throughput. Given to Fastify as its compilers'
 * factories rather than set on the instance, so that its own (ajv, fast-json-stringify) are not loaded at all: a tenth
 * of a second of every start. Fastify types the factories after its own compilers, hence the cast.
 */
const compilersFactory = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
} as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** How long clients, proxies and the in-process cache may reuse a read. */
const READ_MAX_AGE_SECONDS = 30;
const WRITE_WATCH_INTERVAL_MS = 1_000;

/** The HTTP API around the given services; starting and stopping the process is server.ts's business. */
export async function buildApp(config: AppConfig, services: Services, fastifyOptions: FastifyServerOptions = {}) {
  const app = Fastify({
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    // Any id a URL can carry reaches the schemas, which say what is wrong with it, instead of the router's bare 414.
    routerOptions: { maxParamLength: 16_384 },
    // Malformed URLs and the like, caught before any route: problem+json like everything else.
    frameworkErrors: (_error, _request, reply) => sendProblem(reply, 400, 'the URL is malformed'),
    clientErrorHandler: answerClientError,
    schemaController: { compilersFactory },
    ...fastifyOptions,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('services', services);

  await app.register(errors);
  await app.register(body);
  await app.register(lingeringBody, { maxBytes: Math.max(64 * 1024 * 1024, 2 * config.BODY_LIMIT_BYTES), timeoutMs: 10_000 });
  await app.register(security, {
    corsOrigins: config.CORS_ORIGINS,
    rateLimitMax: config.RATE_LIMIT_MAX,
    rateLimitWindowMs: config.RATE_LIMIT_WINDOW_MS,
  });
  await app.register(cache, { maxAgeSeconds: READ_MAX_AGE_SECONDS, maxEntries: 1000, maxBytes: 32 * 1024 * 1024, version: () => services.queries.generation });
  // Writes by another process (the index CLI) reach the caches within a second.
  let stopWatching = () => {};
  app.addHook('onReady', async () => {
    stopWatching = services.queries.watchWrites(WRITE_WATCH_INTERVAL_MS);
  });
  app.addHook('onClose', async () => stopWatching());
  await app.register(swagger);

  await app.register(health);
  await app.register(listQuotes);
  await app.register(getQuote);
  await app.register(quoteCitation);
  await app.register(oembed, { cacheAgeSeconds: READ_MAX_AGE_SECONDS });
  await app.register(verifyByQuery, { verifier: services.verify });
  await app.register(verifyByBody, { verifier: services.verify });
  await app.register(listSpeakers);
  await app.register(getSpeaker);
  await app.register(createArticles, { apiKey: config.apiKey });
  await app.register(deleteArticle, { apiKey: config.apiKey });
  await app.register(createIngestJob, { apiKey: config.apiKey, bodyLimit: config.JOB_BODY_LIMIT_BYTES ?? DEFAULT_JOB_BODY_LIMIT_BYTES });
  await app.register(getIngestJob, { apiKey: config.apiKey });
  return app;
}
