import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../../schemas/query.ts';
import { QuoteSchema } from '../../../schemas/quote.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { sendProblem } from '../../problem.ts';

const getQuote: FastifyPluginAsyncZod = async (app) => {
  app.get('/quotes/:id', {
    schema: {
      tags: ['quotes'],
      summary: 'One quote with all its translations',
      params: IdParamSchema,
      response: { 200: QuoteSchema, 404: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const quote = await app.services.queries.getQuote(request.params.id);
      return quote ?? sendProblem(reply, 404, 'no quote with this id');
    },
  });
};
export default getQuote;
