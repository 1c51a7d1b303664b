/** What flows between the ingestion stages: read → detect language → extract → attribute. */

/** An article as read from a file or a request, before language detection. */
export interface ArticleInput {
  id: string;
  text: string;
  lang?: string;
  url?: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  /** URL of the article this one says it was translated from (a `Sumber:`/`Source :`/`Nguồn:` line). */
  sourceUrl?: string;
  /** Id of the article this one translates, when the client knows it. */
  translationOf?: string;
}

/** An article whose language is known (`und` when detection was unsure). */
export interface Article extends ArticleInput {
  lang: string;
}

/** How a speaker was found for a quote. */
export type AttributionMethod = 'explicit' | 'title' | 'pronoun' | 'context' | 'none';

/** One quotation found in an article, attributed. Offsets index the article text and delimit `text` exactly. */
export interface ExtractedQuote {
  text: string;
  start: number;
  end: number;
  /** The speaker's name as the article spells it, honorifics and titles removed; absent when unresolved. */
  speakerName?: string;
  /** The title the article gives the speaker, e.g. `Quyền Bộ trưởng Ngoại giao`. */
  role?: string;
  attribution: { method: AttributionMethod; confidence: number };
}
