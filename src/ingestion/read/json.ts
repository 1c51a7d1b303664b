import { z } from 'zod';
import type { ArticleInput } from '../types.ts';
import { InputError } from './errors.ts';
import { textMetadata } from './text.ts';

/** Deeper JSON than this is refused before parsing (an article record needs 2 levels: array → object). */
export const MAX_JSON_DEPTH = 16;

const optionalString = (max: number) =>
  z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string().trim().min(1).max(max).optional());

const ArticleRecordSchema = z.object({
  id: z.preprocess(
    (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v),
    z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  ),
  text: z.string({ error: 'must be a string' }).refine((s) => s.trim() !== '', 'must not be empty'),
  lang: z.preprocess(
    (v) => (v === null || v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/, 'must be a language code such as "fr" or "vi"')
      .transform((s) => s.slice(0, s.search(/[-_]|$/)).toLowerCase())
      .optional(),
  ),
  url: optionalString(2048),
  title: optionalString(1000),
  outlet: optionalString(300),
  publishedAt: z.preprocess(
    (v) => (v === null || v === '' ? undefined : v),
    z
      .string()
      .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date such as 2025-09-16')
      .optional(),
  ),
  sourceUrl: optionalString(2048),
  translationOf: optionalString(500),
});

function describe(err: z.ZodError, value: unknown): { message: string; field?: string } {
  const issue = err.issues[0]!;
  const field = issue.path.join('.') || undefined;
  let at: unknown = value;
  for (const k of issue.path) at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
  const message = issue.code === 'invalid_type' && at === undefined ? 'is required' : issue.message;
  return { message: field ? `${field}: ${message}` : message, field };
}

/** Validates one record; `where` names it in errors (file, line, array index). */
export function toArticle(value: unknown, where: { file?: string; line?: number; index?: number } = {}): ArticleInput {
  const at = where.index !== undefined ? `article #${where.index}: ` : '';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${at}expected an article object {id, text, …}, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`, where);
  }
  const r = ArticleRecordSchema.safeParse(value);
  if (!r.success) {
    const { message, field } = describe(r.error, value);
    throw new InputError(`${at}${message}`, { ...where, field });
  }
  const a: ArticleInput = { id: r.data.id, text: r.data.text };
  for (const k of ['lang', 'url', 'title', 'outlet', 'publishedAt', 'sourceUrl', 'translationOf'] as const) {
    const v = r.data[k];
    if (v !== undefined) a[k] = v;
  }
  if (!a.sourceUrl || !a.publishedAt) {
    const meta = textMetadata(a.text);
    if (!a.sourceUrl && meta.sourceUrl) a.sourceUrl = meta.sourceUrl;
    if (!a.publishedAt && meta.publishedAt) a.publishedAt = meta.publishedAt;
  }
  return a;
}

/** Nesting depth of a JSON text (brackets outside strings), stopping as soon as it exceeds `max`. */
export function jsonDepthExceeds(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped char
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

export function parseJson(text: string, where: { file?: string; line?: number }): unknown {
  if (jsonDepthExceeds(text)) throw new InputError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, where);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`invalid JSON (${(err as Error).message})`, where);
  }
}

/** A `.json` document: one article object or an array of them. */
export function readJsonArticles(text: string, file?: string): ArticleInput[] {
  const value = parseJson(text, { file });
  if (Array.isArray(value)) {
    if (value.length === 0) throw new InputError('empty JSON array: no articles', { file });
    return value.map((v, index) => toArticle(v, { file, index }));
  }
  return [toArticle(value, { file })];
}
