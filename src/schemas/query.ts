import { z } from 'zod';
import { isRealDate } from './date.ts';
import { booleanFlag } from './flag.ts';

const MAX_QUERY_CHARS = 500;

const limit = z.coerce.number().int().min(1).max(100).default(20).describe('1–100');
const offset = z.coerce.number().int().min(0).max(100_000).default(0);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isRealDate, 'not a real date');
const boolFlag = booleanFlag.default(false);

export const QuotesQuerySchema = z.object({
  speaker: z.string().trim().min(1).max(MAX_QUERY_CHARS).optional().describe('a speaker id or any spelling of the name'),
  // Checked against the languages the store holds, so a 400 can list them.
  lang: z.string().min(1).max(20).optional().describe('ISO 639-1 code, lowercase (vi, id, fr, en, or any language the store holds)'),
  q: z.string().max(MAX_QUERY_CHARS).optional().describe('full-text search in the quote text, by whole words (typo-tolerant)'),
  articleId: z.string().min(1).max(128).optional(),
  from: day.optional().describe('published on or after, YYYY-MM-DD'),
  to: day.optional().describe('published on or before, YYYY-MM-DD'),
  limit,
  offset,
  fallback: boolFlag.describe('with lang: a cluster with no version in lang contributes its original, marked fallback: true'),
});
export type QuotesQuery = z.infer<typeof QuotesQuerySchema>;

export const SpeakersQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_CHARS).optional().describe('any spelling, typo-tolerant, usable for autocomplete'),
  limit,
  offset,
});
export type SpeakersQuery = z.infer<typeof SpeakersQuerySchema>;

export const IdParamSchema = z.object({ id: z.string().min(1).max(200) });
