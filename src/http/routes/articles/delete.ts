import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../../schemas/query.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { requireApiKey } from '../../plugins/app/auth.ts';
import { sendProblem } from '../../problem.ts';

const deleteArticle: FastifyPluginAsyncZod<{ apiKey: string }> = async (app, options) => {
  app.delete('/articles/:id', {
    // Authentication comes before validation: a client without the key learns nothing about the body's shape.
    onRequest: requireApiKey(options.apiKey),
    schema: {
      tags: ['articles'],
      summary: 'Remove an article and its quotes; the clusters they were in are repaired',
      security: [{ apiKey: [] }],
      params: IdParamSchema,
      response: { 204: z.undefined(), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const removed = await app.services.ingest.remove(request.params.id);
      if (!removed) return sendProblem(reply, 404, 'no article with this id');
      return reply.code(204).send();
    },
  });
};
export default deleteArticle;
