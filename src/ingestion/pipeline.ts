import { withoutUndefined } from '../shared/without-undefined.ts';
import { detectLanguage } from './detect-language.ts';
import { findBoilerplate } from './extract/boilerplate.ts';
import { extractQuotes } from './extract/index.ts';
import { metadataLines, textMetadata } from './read/index.ts';
import type { Article, ArticleInput, ExtractedQuote } from './types.ts';

export interface AnalysedArticle {
  article: Article;
  quotes: ExtractedQuote[];
  /** What linking reads in the text, when read ahead with the quotes (in a worker thread of a batch). */
  signals?: TextSignals;
}

/** What linking reads in an article's text (linking/signals.ts `textSignals`): the words it pairs articles by. */
export interface TextSignals {
  /** Parts of the text that are not the article's own words (`notArticleText`). */
  skipped: Array<[number, number]>;
  /** Characters of the article's own words. */
  length: number;
  numbers: string[];
  vocabulary: string[];
  anchors: string[];
  /** Per-mille positions of each anchor, in the order of `anchors`. */
  sites: number[][];
}

/** parse → detect language → extract and attribute: everything that needs nothing but the article itself. */
export function analyseArticle(input: ArticleInput): AnalysedArticle {
  const metadata = textMetadata(input.text);
  const article: Article = {
    ...metadata,
    ...withoutUndefined(input),
    id: storableId(input.id),
    ...(input.translationOf ? { translationOf: storableId(input.translationOf) } : {}),
    lang: input.lang ?? detectLanguage(input.text),
  };
  return { article, quotes: extractQuotes(article.text, article.lang) };
}

/** Article ids become part of Meilisearch document ids, which allow only letters, digits, `-` and `_`. */
export function storableId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 128) || 'article';
}

/**
 * The parts of an article's text that are not its own words — metadata lines, related-news blocks, captions and
 * credits — as sorted, disjoint [start, end) offsets. A translation drops or adds such parts; the words stay in order.
 */
export function notArticleText(text: string): Array<[number, number]> {
  const ranges = [...metadataLines(text), ...findBoilerplate(text)].sort((x, y) => x.start - y.start);
  const merged: Array<[number, number]> = [];
  for (const { start, end } of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
