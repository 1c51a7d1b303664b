import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../../schemas/query.ts';
import { QuoteSchema } from '../../../schemas/quote.ts';
import { QuotationLdSchema } from '../../../schemas/jsonld.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { quotationJsonLd } from '../../../service/jsonld.ts';
import { linkQuote } from '../../../service/permalinks.ts';
import { QUOTE_PAGE_CSP, quotePageHtml } from '../../../service/quote-page.ts';
import { preferredType } from '../../negotiate.ts';
import { sendProblem } from '../../problem.ts';
import { resourceUrls } from '../../urls.ts';

const JSON_TYPE = 'application/json';
const JSON_LD_TYPE = 'application/ld+json';
const HTML_TYPE = 'text/html';

const getQuote: FastifyPluginAsyncZod = async (app) => {
  app.get('/quotes/:id', {
    config: { cache: true },
    schema: {
      tags: ['quotes'],
      summary:
        "One quote with all its translations. This URL is the quote's permalink: a browser or CMS (Accept: text/html) " +
        'gets its page, with oEmbed discovery, JSON-LD, Open Graph and citation tags; Accept: application/ld+json gives ' +
        'a schema.org Quotation',
      params: IdParamSchema,
      response: {
        200: {
          description: 'the quote',
          content: {
            [JSON_TYPE]: { schema: QuoteSchema },
            [JSON_LD_TYPE]: { schema: QuotationLdSchema },
            [HTML_TYPE]: { schema: z.string().describe('the permalink page: server-rendered, no script needed') },
          },
        },
        404: ProblemSchema,
        503: ProblemSchema,
      },
    },
    handler: async (request, reply) => {
      const urls = resourceUrls(request);
      const quoteUrl = urls.quote(request.params.id);
      // Consumers that read headers rather than pages find the oEmbed endpoint and the page here too.
      const alternates = `<${urls.oembed(quoteUrl)}>; rel="alternate"; type="application/json+oembed", <${quoteUrl}>; rel="alternate"; type="text/html"`;
      reply.header('vary', 'Accept');
      const type = preferredType(request.headers.accept, [JSON_TYPE, JSON_LD_TYPE, HTML_TYPE]);
      if (type === JSON_TYPE) {
        const quote = await app.services.queries.getQuote(request.params.id);
        if (!quote) return sendProblem(reply, 404, 'no quote with this id');
        return reply.header('link', alternates).type(JSON_TYPE).send(linkQuote(quote, urls.quote));
      }
      const cited = await app.services.queries.getCitedQuote(request.params.id);
      if (!cited) return sendProblem(reply, 404, 'no quote with this id');
      reply.header('link', alternates);
      if (type === JSON_LD_TYPE) return reply.type(JSON_LD_TYPE).send(quotationJsonLd(cited, urls));
      return reply
        .type(`${HTML_TYPE}; charset=utf-8`)
        .header('content-security-policy', QUOTE_PAGE_CSP)
        .serializer((page: string) => page)
        .send(quotePageHtml(cited, urls));
    },
  });
};
export default getQuote;
