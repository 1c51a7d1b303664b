import type { AttributionMethod } from '../ingestion/types.ts';

/** A quote as stored in the `quotes` index: one language version of one utterance, with its cluster denormalised. */
export interface QuoteDoc {
  id: string;
  articleId: string;
  seq: number;
  lang: string;
  text: string;
  /** The text again under `text_<lang>` (`text_other` beyond the first-class languages), so Meilisearch tokenizes it
   * with that language's rules and indexes it once. */
  [localizedText: `text_${string}`]: string;
  speakerId: string | null;
  speakerName: string | null;
  role?: string;
  attributionMethod: AttributionMethod;
  attributionConfidence: number;
  start: number;
  end: number;
  url?: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  publishedTs?: number;
  translated: boolean;
  clusterId: string;
  original: boolean;
  linkConfidence: number;
  links: Array<{ id: string; confidence: number }>;
  clusterLangs: string[];
  translations: Array<{ id: string; lang: string; text: string; original: boolean; articleId: string }>;
}

/** An article as stored in the `articles` index: metadata and the signals linking needs, not the text. */
export interface ArticleDoc {
  id: string;
  lang: string;
  url?: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  publishedTs?: number;
  sourceUrl?: string;
  speakerIds: string[];
  quoteIds: string[];
  numbers: string[];
  vocabulary: string[];
  ingestedAt: string;
}

export interface SpeakerDoc {
  id: string;
  name: string;
  names: Record<string, string>;
  aliases: string[];
  foldedNames: string[];
  roles: string[];
  languages: string[];
  quoteCount: number;
}
