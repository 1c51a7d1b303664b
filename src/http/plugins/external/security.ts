import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { problem } from '../../problem.ts';

export interface SecurityOptions {
  corsOrigins: string[];
  rateLimitMax: number;
  rateLimitWindowMs: number;
}

/** Security headers, CORS for the configured CMS origins, and a per-client rate limit. */
export default fp<SecurityOptions>(async (app, options) => {
  // The Swagger UI needs inline scripts and styles of its own; everything else keeps helmet's defaults.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
    },
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
