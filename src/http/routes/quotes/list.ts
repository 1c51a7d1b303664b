import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { QuotesQuerySchema } from '../../../schemas/query.ts';
import { QuotePageSchema, type QuotePage } from '../../../schemas/quote.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { resourceUrls } from '../../urls.ts';

const listQuotes: FastifyPluginAsyncZod = async (app) => {
  app.get('/quotes', {
    config: { cache: true },
    schema: {
      tags: ['quotes'],
      summary: 'Search quotes by speaker (any spelling), language, text, article and date',
      querystring: QuotesQuerySchema,
      response: { 200: QuotePageSchema, 400: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const page = await app.services.queries.searchQuotes(request.query, resourceUrls(request).quoteBase);
      // The page's JSON bytes, a QuotePage already: Fastify sends a Buffer as it is, without serializing it again.
      return reply.type('application/json; charset=utf-8').send(page as unknown as QuotePage);
    },
  });
};
export default listQuotes;
