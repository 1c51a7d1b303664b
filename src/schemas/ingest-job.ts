import { z } from 'zod';

/** Articles one job may carry: a CMS's whole backlog in one request, still small enough to hold in memory. */
export const MAX_JOB_ARTICLES = 100_000;
export const JOB_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

/**
 * A job's articles, each checked on its own when the job is created: an item that is no valid Article becomes an
 * error of that item in the job's status, and the others are stored all the same.
 */
export const IngestJobBodySchema = z
  .array(z.unknown().meta({ description: 'an Article (see the Article schema); an invalid one is reported in the job, not refused' }))
  .min(1)
  .max(MAX_JOB_ARTICLES)
  .meta({ id: 'IngestJobArticles', description: `1–${MAX_JOB_ARTICLES} articles, as a JSON array or as NDJSON (application/x-ndjson, one article per line)` });

export const IngestJobIdParamSchema = z.object({
  id: z.string().regex(JOB_ID_PATTERN, 'a job id as POST /ingest-jobs returned it'),
});

export const ArticleErrorSchema = z.object({
  index: z.number().int().describe("the article's position in the job, from 0"),
  articleId: z.string().optional().describe('its id, when it had a readable one'),
  message: z.string(),
});

export const IngestJobSchema = z
  .object({
    id: z.string(),
    status: z
      .enum(['queued', 'running', 'completed'])
      .describe('queued (waiting, or waiting to be retried after a failure), running, completed (every article dealt with; see errors)'),
    total: z.number().int(),
    done: z.number().int().describe('articles dealt with so far: stored, unchanged or failed'),
    stored: z.number().int(),
    unchanged: z.number().int().describe('articles already stored with the same content (by id and content hash): not applied again'),
    failed: z.number().int(),
    errors: z.array(ArticleErrorSchema).describe('one per article that could not be stored, with the reason'),
    attempts: z.number().int().describe('times a worker took the job up: more than 1 after a restart or a store outage'),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
  })
  .meta({ id: 'IngestJob', description: 'An ingestion job: status and progress, per-article errors, timestamps' });

export type IngestJob = z.infer<typeof IngestJobSchema>;
export type ArticleError = z.infer<typeof ArticleErrorSchema>;
