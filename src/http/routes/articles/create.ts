import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ArticlesBodySchema, IngestReportSchema } from '../../../schemas/article.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { toQuote } from '../../../storage/documents.ts';
import { requireApiKey } from '../../plugins/app/auth.ts';
import { resourceUrls } from '../../urls.ts';

const createArticles: FastifyPluginAsyncZod<{ apiKey: string }> = async (app, options) => {
  app.post('/articles', {
    // Authentication comes before validation: a client without the key learns nothing about the body's shape.
    onRequest: requireApiKey(options.apiKey),
    schema: {
      tags: ['articles'],
      summary: 'Ingest one article or an array; re-posting an id replaces its quotes. Quotes are queryable on return.',
      security: [{ apiKey: [] }],
      body: ArticlesBodySchema,
      response: { 200: IngestReportSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request) => {
      const articles = Array.isArray(request.body) ? request.body : [request.body];
      const result = await app.services.ingest.ingest(articles);
      const urls = resourceUrls(request);
      return {
        articles: result.articles,
        quotes: result.quotes.map((doc) => {
          const { id, clusterId, lang, text, speaker, source } = toQuote(doc);
          return { id, url: urls.quote(id), clusterId, lang, text, speaker, articleId: source.articleId };
        }),
      };
    },
  });
};
export default createArticles;
