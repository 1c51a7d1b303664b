import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IngestJobIdParamSchema, IngestJobSchema } from '../../../schemas/ingest-job.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { publicStatus } from '../../../queue/job-status.ts';
import { requireApiKey } from '../../plugins/app/auth.ts';
import { sendProblem } from '../../problem.ts';

const getIngestJob: FastifyPluginAsyncZod<{ apiKey: string }> = async (app, options) => {
  app.get('/ingest-jobs/:id', {
    onRequest: requireApiKey(options.apiKey),
    schema: {
      tags: ['articles'],
      summary: "An ingestion job's status, progress (done of total), per-article errors and timestamps",
      security: [{ apiKey: [] }],
      params: IngestJobIdParamSchema,
      response: { 200: IngestJobSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const job = await app.services.jobs.get(request.params.id);
      if (!job) return sendProblem(reply, 404, 'no ingestion job with this id');
      // Progress changes while the job runs: never from a cache.
      return reply.header('cache-control', 'no-store').send(publicStatus(job));
    },
  });
};
export default getIngestJob;
