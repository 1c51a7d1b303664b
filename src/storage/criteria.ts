import { isSupportedLanguage, LANGUAGES } from '../ingestion/languages/index.ts';
import { filterIn, filterValue } from './meili/client.ts';

/** What the services ask quotes by; only storage knows how Meilisearch is asked for them. */
export interface QuoteCriteria {
  /** Words the quotes hold (relevance first); absent or blank: every quote. */
  q?: string;
  /** Quotes served as said by one of these speakers (none listed: no quote). */
  speakerIds?: readonly string[];
  /** Quotes in this language. */
  lang?: string;
  /** With `lang`: an original that has no version in `lang` stands in for the missing one. */
  fallback?: boolean;
  articleId?: string;
  /** Published at or after this instant (ms since the epoch). */
  publishedFrom?: number;
  /** Published before this instant (ms since the epoch). */
  publishedBefore?: number;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

/**
 * Whether a page is answered with its exact total in one search: Meilisearch counts exhaustively only with page-based
 * pagination, which reaches pages that start on a multiple of their size (what clients send).
 */
export const onPageBoundary = ({ limit, offset }: PageRequest) => offset % limit === 0;

/** Newest first, then article and position: pages never reshuffle (after relevance, when there are words to match). */
export const QUOTE_ORDER = ['publishedTs:desc', 'articleId:asc', 'seq:asc'];

/** The Meilisearch filter expression for `criteria`, undefined when nothing is filtered. Every value is quoted. */
export function quoteFilter(criteria: QuoteCriteria): string | undefined {
  const filters: string[] = [];
  if (criteria.speakerIds) filters.push(filterIn('speakerId', criteria.speakerIds));
  if (criteria.lang !== undefined) {
    const lang = filterValue(criteria.lang);
    filters.push(criteria.fallback ? `(lang = ${lang} OR (original = true AND NOT clusterLangs = ${lang}))` : `lang = ${lang}`);
  }
  if (criteria.articleId !== undefined) filters.push(`articleId = ${filterValue(criteria.articleId)}`);
  if (criteria.publishedFrom !== undefined) filters.push(`publishedTs >= ${instant(criteria.publishedFrom)}`);
  if (criteria.publishedBefore !== undefined) filters.push(`publishedTs < ${instant(criteria.publishedBefore)}`);
  return filters.length ? filters.join(' AND ') : undefined;
}

/** The search parameters for `criteria` but paging and the fields to retrieve. */
export function quoteSearch(criteria: QuoteCriteria) {
  const q = criteria.q?.trim() ?? '';
  const filter = quoteFilter(criteria);
  const lang = criteria.lang;
  return {
    q,
    ...(filter ? { filter } : {}),
    sort: QUOTE_ORDER,
    // The words are tokenized as the language asked for: Vietnamese syllables, French elisions.
    ...(lang && q && isSupportedLanguage(lang) ? { locales: [LANGUAGES[lang].iso6393] } : {}),
  };
}

function instant(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`not an instant in ms: ${ms}`);
  return String(ms);
}
