import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IngestJobBodySchema, IngestJobSchema } from '../../../schemas/ingest-job.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { checkJobItems, UnreadableItem } from '../../../queue/items.ts';
import { publicStatus } from '../../../queue/job-status.ts';
import { requireApiKey } from '../../plugins/app/auth.ts';

const NDJSON = 'application/x-ndjson';

const createIngestJob: FastifyPluginAsyncZod<{ apiKey: string; bodyLimit: number }> = async (app, options) => {
  // NDJSON, for this route only: each line is read on its own, so a line that is not UTF-8 or not JSON is that
  // article's error in the job, and the other lines are stored.
  app.addContentTypeParser(NDJSON, { parseAs: 'buffer', bodyLimit: options.bodyLimit }, (_request, body, done) => {
    done(null, ndjsonItems(body as Buffer));
  });
  app.post('/ingest-jobs', {
    onRequest: requireApiKey(options.apiKey),
    bodyLimit: options.bodyLimit,
    schema: {
      tags: ['articles'],
      summary: 'Queue articles for ingestion; answers at once with the job, whose progress GET /ingest-jobs/{id} follows',
      description:
        'Each article is checked on its own: an invalid one (empty text, text too long, a line of NDJSON that is not UTF-8) ' +
        'becomes an error in the job and the others are stored. Re-posting an article replaces it; one stored with the same ' +
        'content is left as it is. Jobs survive restarts and are retried from their last checkpoint.',
      security: [{ apiKey: [] }],
      consumes: ['application/json', NDJSON],
      body: IngestJobBodySchema,
      response: { 202: IngestJobSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const job = await app.services.jobs.enqueue(checkJobItems(request.body));
      return reply.code(202).header('location', `/ingest-jobs/${job.id}`).send(publicStatus(job));
    },
  });
};
export default createIngestJob;

function ndjsonItems(body: Buffer): unknown[] {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const items: unknown[] = [];
  let start = 0;
  for (let line = 1; start < body.length; line++) {
    const newline = body.indexOf(0x0a, start);
    const end = newline === -1 ? body.length : newline;
    const bytes = body.subarray(start, end);
    start = end + 1;
    if (!bytes.toString('latin1').trim()) continue;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      items.push(new UnreadableItem(`line ${line}: not valid UTF-8`));
      continue;
    }
    try {
      items.push(JSON.parse(text));
    } catch {
      items.push(new UnreadableItem(`line ${line}: not valid JSON`));
    }
  }
  return items;
}
