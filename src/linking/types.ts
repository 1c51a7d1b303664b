/** The view of a quote the linker needs: nothing that a translation changes is compared directly. */
export interface LinkableQuote {
  id: string;
  articleId: string;
  lang: string;
  text: string;
  speakerId: string | null;
  /** Position of the quote in its article. */
  seq: number;
}

/** Article-level signals, stored with the article so that linking never re-reads article texts. */
export interface LinkableArticle {
  id: string;
  lang: string;
  url?: string;
  sourceUrl?: string;
  publishedTs?: number;
  /** Numbers of two or more digits anywhere in the article, normalised across number formats. */
  numbers: string[];
  /** Folded words of the article, to test whether another article's URL slug names it. */
  vocabulary: string[];
}

export interface LinkEdge {
  from: string;
  to: string;
  confidence: number;
}
