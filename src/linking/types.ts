/** Who the article itself says spoke a quote, as extraction found it. */
export interface SpeakerClaim {
  id: string;
  name: string;
  /** How sure extraction is (`attribution.confidence`): an explicit name next to a verb of saying is near 1. */
  confidence: number;
}

/** The view of a quote the linker needs: nothing that a translation changes is compared directly. */
export interface LinkableQuote {
  id: string;
  articleId: string;
  lang: string;
  text: string;
  /** The speaker the quote's own article gives it; null when extraction found none. */
  speaker: SpeakerClaim | null;
  /** Position of the quote in its article. */
  seq: number;
  /** Offsets in the article text. */
  start: number;
  end: number;
}

/** Article-level signals, stored with the article so that linking never re-reads article texts. */
export interface LinkableArticle {
  id: string;
  lang: string;
  url?: string;
  sourceUrl?: string;
  /** The id of the article this one translates, when the client said so: the pair is then certain. */
  translationOf?: string;
  publishedTs?: number;
  /** Characters of the article's own words (its text without `skipped`): quote offsets are compared as shares of it. */
  length: number;
  /** Parts of the text that are not the article's own words (metadata lines, related-news blocks), [start, end). */
  skipped?: Array<[number, number]>;
  /** Numbers of two or more digits anywhere in the article, normalised across number formats. */
  numbers: string[];
  /** Folded words of the article, to test whether another article's URL slug names it. */
  vocabulary: string[];
  /** Names and numbers of the article (signals.ts articleAnchors), with their per-mille positions in `anchorSites`. */
  anchors: string[];
  anchorSites: number[][];
}

export interface LinkEdge {
  from: string;
  to: string;
  confidence: number;
}
