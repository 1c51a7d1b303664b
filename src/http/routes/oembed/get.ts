import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OEmbedQuerySchema, OEmbedSchema } from '../../../schemas/oembed.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { quoteIdFromUrl, quoteOEmbed } from '../../../service/embed.ts';
import { sendProblem } from '../../problem.ts';
import { resourceUrls } from '../../urls.ts';

const oembed: FastifyPluginAsyncZod<{ cacheAgeSeconds: number }> = async (app, options) => {
  app.get('/oembed', {
    config: { cache: true },
    schema: {
      tags: ['quotes'],
      summary: 'oEmbed 1.0 for quote URLs of this service: a rich, escaped HTML quote card',
      querystring: OEmbedQuerySchema,
      response: { 200: OEmbedSchema, 400: ProblemSchema, 404: ProblemSchema, 501: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const { url, format, maxwidth, maxheight } = request.query;
      if (format !== 'json') return sendProblem(reply, 501, 'only format=json is implemented');
      const id = quoteIdFromUrl(url);
      if (!id) {
        return sendProblem(reply, 400, 'url must be a quote URL of this service: http(s)://<host>/quotes/{id}', {
          errors: [{ parameter: 'url', message: 'not a quote URL' }],
        });
      }
      const cited = await app.services.queries.getCitedQuote(id);
      if (!cited) return sendProblem(reply, 404, 'no quote with this id');
      return quoteOEmbed(cited, resourceUrls(request), { maxwidth, maxheight }, options.cacheAgeSeconds);
    },
  });
};
export default oembed;
