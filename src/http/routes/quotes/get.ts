import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../../schemas/query.ts';
import { QuoteSchema } from '../../../schemas/quote.ts';
import { QuotationLdSchema } from '../../../schemas/jsonld.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { quotationJsonLd } from '../../../service/jsonld.ts';
import { preferredType } from '../../negotiate.ts';
import { sendProblem } from '../../problem.ts';
import { resourceUrls } from '../../urls.ts';

const JSON_TYPE = 'application/json';
const JSON_LD_TYPE = 'application/ld+json';

const getQuote: FastifyPluginAsyncZod = async (app) => {
  app.get('/quotes/:id', {
    config: { cache: true },
    schema: {
      tags: ['quotes'],
      summary: 'One quote with all its translations; as schema.org Quotation JSON-LD with Accept: application/ld+json',
      params: IdParamSchema,
      response: {
        200: {
          description: 'the quote',
          content: { [JSON_TYPE]: { schema: QuoteSchema }, [JSON_LD_TYPE]: { schema: QuotationLdSchema } },
        },
        404: ProblemSchema,
        503: ProblemSchema,
      },
    },
    handler: async (request, reply) => {
      reply.header('vary', 'Accept');
      if (preferredType(request.headers.accept, [JSON_TYPE, JSON_LD_TYPE]) === JSON_LD_TYPE) {
        const cited = await app.services.queries.getCitedQuote(request.params.id);
        if (!cited) return sendProblem(reply, 404, 'no quote with this id');
        return reply.type(JSON_LD_TYPE).send(quotationJsonLd(cited, resourceUrls(request)));
      }
      const quote = await app.services.queries.getQuote(request.params.id);
      if (!quote) return sendProblem(reply, 404, 'no quote with this id');
      return reply.type(JSON_TYPE).send(quote);
    },
  });
};
export default getQuote;
