import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QuotesQuerySchema } from '../../../schemas/query.ts';
import { QuotePageSchema } from '../../../schemas/quote.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';

const listQuotes: FastifyPluginAsyncZod = async (app) => {
  app.get('/quotes', {
    config: { cache: true },
    schema: {
      tags: ['quotes'],
      summary: 'Search quotes by speaker (any spelling), language, text, article and date',
      querystring: QuotesQuerySchema,
      response: { 200: QuotePageSchema, 400: ProblemSchema, 503: ProblemSchema },
    },
    handler: (request) => app.services.queries.searchQuotes(request.query),
  });
};
export default listQuotes;
