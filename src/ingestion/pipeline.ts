import { withoutUndefined } from '../shared/without-undefined.ts';
import { detectLanguage } from './detect-language.ts';
import { extractQuotes } from './extract/index.ts';
import { textMetadata } from './read/index.ts';
import type { Article, ArticleInput, ExtractedQuote } from './types.ts';

export interface AnalysedArticle {
  article: Article;
  quotes: ExtractedQuote[];
}

/** parse → detect language → extract and attribute: everything that needs nothing but the article itself. */
export function analyseArticle(input: ArticleInput): AnalysedArticle {
  const metadata = textMetadata(input.text);
  const article: Article = { ...metadata, ...withoutUndefined(input), id: storableId(input.id), lang: input.lang ?? detectLanguage(input.text) };
  return { article, quotes: extractQuotes(article.text, article.lang) };
}

/** Article ids become part of Meilisearch document ids, which allow only letters, digits, `-` and `_`. */
export function storableId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 128) || 'article';
}
