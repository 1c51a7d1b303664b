import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../../schemas/query.ts';
import { CITATION_MEDIA_TYPES, CitationQuerySchema, CslItemSchema } from '../../../schemas/citation.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { formatCitation } from '../../../service/citation.ts';
import { sendProblem } from '../../problem.ts';
import { resourceUrls } from '../../urls.ts';

const citationText = z.string();

const quoteCitation: FastifyPluginAsyncZod = async (app) => {
  app.get('/quotes/:id/citation', {
    config: { cache: true },
    schema: {
      tags: ['quotes'],
      summary: 'A citation of the quote: speaker, role, outlet, date, URL, language, and what it was translated from',
      params: IdParamSchema,
      querystring: CitationQuerySchema,
      response: {
        200: {
          description: 'the citation, in the media type of the style',
          content: {
            [CITATION_MEDIA_TYPES.text]: { schema: citationText },
            [CITATION_MEDIA_TYPES.markdown]: { schema: citationText },
            [CITATION_MEDIA_TYPES.html]: { schema: citationText.describe('an escaped HTML fragment') },
            [CITATION_MEDIA_TYPES['csl-json']]: { schema: z.array(CslItemSchema) },
          },
        },
        400: ProblemSchema,
        404: ProblemSchema,
        503: ProblemSchema,
      },
    },
    handler: async (request, reply) => {
      const cited = await app.services.queries.getCitedQuote(request.params.id);
      if (!cited) return sendProblem(reply, 404, 'no quote with this id');
      const { style } = request.query;
      const citation = formatCitation(cited, style, resourceUrls(request).quote(cited.quote.id));
      const mediaType = CITATION_MEDIA_TYPES[style];
      return reply.type(style === 'csl-json' ? mediaType : `${mediaType}; charset=utf-8`).send(citation);
    },
  });
};
export default quoteCitation;
