import { z } from 'zod';
import { isRealDate } from './date.ts';

/** Characters an article id may use: they end up inside Meilisearch document ids and URLs. */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const MAX_ARTICLE_CHARS = 2_000_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'an ISO 8601 date, e.g. 2025-09-16')
  .refine(isRealDate, 'not a real date');

export const ArticleSchema = z
  .object({
    id: z.string().regex(ARTICLE_ID_PATTERN, '1–128 letters, digits, _ or -'),
    text: z
      .string()
      .max(MAX_ARTICLE_CHARS, `at most ${MAX_ARTICLE_CHARS} characters`)
      .refine((s) => s.trim().length > 0, 'must not be empty')
      .refine((s) => !s.includes('\u0000'), 'must be text, not binary'),
    lang: z
      .string()
      .regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as vi, id, fr, en')
      .optional(),
    url: z.url().max(2048).optional(),
    title: z.string().max(1000).optional(),
    outlet: z.string().max(200).optional(),
    publishedAt: isoDate.optional(),
    translationOf: z
      .string()
      .regex(ARTICLE_ID_PATTERN, '1–128 letters, digits, _ or -')
      .optional()
      .describe('the id of the article this one translates, when the client knows it (a CMS translation plugin does): the two are then paired for certain, whichever arrives first'),
  })
  .strict()
  .meta({ id: 'Article', description: 'A news article to ingest. `lang` is detected when absent.' });

export type ArticleBody = z.infer<typeof ArticleSchema>;

export const ArticlesBodySchema = z.union([ArticleSchema, z.array(ArticleSchema).min(1).max(500)]);

export const IngestReportSchema = z
  .object({
    articles: z.array(
      z.object({
        id: z.string(),
        lang: z.string(),
        quotes: z.number().int(),
        replaced: z.boolean().describe('true when an article with this id was stored before'),
      }),
    ),
    quotes: z.array(z.lazy(() => QuoteRef)),
  })
  .meta({ id: 'IngestReport' });

const QuoteRef = z.object({
  id: z.string(),
  url: z.string().describe("the quote's permalink"),
  articleId: z.string(),
  lang: z.string(),
  text: z.string(),
  speaker: z.object({ id: z.string(), name: z.string() }).nullable(),
  clusterId: z.string(),
});
