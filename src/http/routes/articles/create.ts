import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ArticlesBodySchema, IngestReportSchema } from '../../../schemas/article.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { ArticleNotStoredError, JobStillRunningError } from '../../../service/queued-ingest.ts';
import { toQuote } from '../../../storage/documents.ts';
import { sendProblem } from '../../problem.ts';
import { requireApiKey } from '../../plugins/app/auth.ts';
import { resourceUrls } from '../../urls.ts';

/**
 * How long a post waits for its job behind others in a shared queue before answering 503 with the job to follow:
 * well within the server's 30-second idle-connection timeout (src/server.ts), which would cut the answer off.
 */
const QUEUED_WAIT_MS = 20_000;

const createArticles: FastifyPluginAsyncZod<{ apiKey: string }> = async (app, options) => {
  app.post('/articles', {
    // Authentication comes before validation: a client without the key learns nothing about the body's shape.
    onRequest: requireApiKey(options.apiKey),
    schema: {
      tags: ['articles'],
      summary: 'Ingest one article or an array; re-posting an id replaces its quotes. Quotes are queryable on return.',
      security: [{ apiKey: [] }],
      body: ArticlesBodySchema,
      response: { 200: IngestReportSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const articles = Array.isArray(request.body) ? request.body : [request.body];
      const { jobs, queuedIngest, ingest } = app.services;
      let result;
      try {
        // With a shared queue every write goes through it: API nodes on other hosts must not link at the same time.
        result = jobs.shared ? await queuedIngest.ingest(articles, { timeoutMs: QUEUED_WAIT_MS }) : await ingest.ingest(articles);
      } catch (error) {
        if (error instanceof JobStillRunningError) return sendProblem(reply.header('location', `/ingest-jobs/${error.jobId}`).header('retry-after', '5'), 503, error.message);
        if (error instanceof ArticleNotStoredError) return sendProblem(reply, 422, error.message);
        throw error;
      }
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
