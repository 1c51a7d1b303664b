import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { sendProblem } from '../../problem.ts';

const Status = z.object({ status: z.string() }).meta({ id: 'Status' });

const health: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { rateLimit: false },
    schema: { tags: ['health'], summary: 'Liveness: the API process answers', response: { 200: Status } },
    handler: async () => ({ status: 'ok' }),
  });
  app.get('/ready', {
    config: { rateLimit: false },
    schema: { tags: ['health'], summary: 'Readiness: the API and its Meilisearch both answer', response: { 200: Status, 503: ProblemSchema } },
    handler: async (request, reply) => {
      const healthy = await app.services.queries.storeReachable();
      if (healthy) return { status: 'ready' };
      reply.header('retry-after', '5');
      return sendProblem(reply, 503, 'Meilisearch is not reachable');
    },
  });
};
export default health;
