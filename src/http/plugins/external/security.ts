import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import { problem } from '../../problem.ts';

export interface SecurityOptions {
  corsOrigins: string[];
  rateLimitMax: number;
  rateLimitWindowMs: number;
}

/**
 * helmet's headers, worked out once: they are the same for every response, and building them per request (as the
 * Fastify wrapper does, parsing each CSP directive again) cost more than a cached read.
 */
function securityHeaders(): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => {},
  };
  // The Swagger UI needs inline scripts and styles of its own; everything else keeps helmet's defaults.
  helmet({
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
    },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return headers;
}

/** Security headers, CORS for the configured CMS origins, and a per-client rate limit. */
export default fp<SecurityOptions>(async (app, options) => {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(cors, {
    origin: options.corsOrigins.length ? options.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
    exposedHeaders: ['etag', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
  });
  await app.register(rateLimit, {
    max: options.rateLimitMax,
    timeWindow: options.rateLimitWindowMs,
    errorResponseBuilder: (_request, context) => ({
      ...problem(429, `rate limit of ${context.max} requests per ${context.after} exceeded`),
      statusCode: 429,
      message: `rate limit of ${context.max} requests per ${context.after} exceeded`,
    }),
  });
});
