import { isSupportedLanguage } from '../ingestion/languages/index.ts';
import type { AttributionMethod } from '../ingestion/types.ts';
import type { UnlinkedQuote } from '../schemas/quote.ts';
import { storedServedForm } from './served-quotes.ts';

/** How the served speaker of a quote was found: by extraction in its own article, or from the other versions of its cluster. */
export type ServedAttributionMethod = AttributionMethod | 'cluster';

/** The speaker a quote's own article gives it, as extraction found it; the served speaker may come from its cluster. */
export interface OwnAttribution {
  speakerId: string | null;
  speakerName: string | null;
  method: AttributionMethod;
  confidence: number;
}

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
  /** The served speaker: the article's own, or its cluster's when the article gives none or a lone dissenting one. */
  speakerId: string | null;
  speakerName: string | null;
  role?: string;
  attributionMethod: ServedAttributionMethod;
  attributionConfidence: number;
  /** What extraction found in the quote's own article: linking compares these, never the served ones. */
  own?: OwnAttribution;
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
  /**
   * The quote as the API serves it but for its permalinks (JSON of the Quote schema less its `url`s, with its format:
   * served-quotes.ts storedServedForm), rendered each time the document is written: a page of search results is these texts unescaped from Meilisearch's answer, never
   * parsed and serialized again (served-quotes.ts), the permalinks spliced in.
   */
  quoteJson?: string;
}

/** What extraction found for a quote (documents stored before `own` existed served exactly that). */
export function ownAttribution(doc: QuoteDoc): OwnAttribution {
  if (doc.own) return doc.own;
  const method = doc.attributionMethod === 'cluster' ? 'none' : doc.attributionMethod;
  return { speakerId: doc.speakerId, speakerName: doc.speakerName, method, confidence: doc.attributionConfidence };
}

/** The public form of a stored quote; `requestedLang` marks one served in place of a missing translation. */
export function toQuote(doc: QuoteDoc, requestedLang?: string): UnlinkedQuote {
  return {
    id: doc.id,
    clusterId: doc.clusterId,
    lang: doc.lang,
    text: doc.text,
    speaker: doc.speakerId && doc.speakerName ? { id: doc.speakerId, name: doc.speakerName } : null,
    ...(doc.role ? { role: doc.role } : {}),
    source: {
      articleId: doc.articleId,
      ...(doc.url ? { url: doc.url } : {}),
      ...(doc.title ? { title: doc.title } : {}),
      ...(doc.outlet ? { outlet: doc.outlet } : {}),
      ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    },
    offsets: { start: doc.start, end: doc.end },
    original: doc.original,
    confidence: { attribution: doc.attributionConfidence, link: doc.linkConfidence },
    attribution: { method: doc.attributionMethod },
    translations: doc.translations,
    ...(requestedLang && doc.lang !== requestedLang ? { fallback: true } : {}),
  };
}

/** The document as it is written: with its served form rendered from its current fields. */
export function rendered(doc: QuoteDoc): QuoteDoc {
  return { ...doc, [searchableTextField(doc.lang)]: doc.text, quoteJson: storedServedForm(toQuote(doc)) };
}

/** The field Meilisearch tokenizes a quote's text in, with its language's rules (index-config/quotes.json gives each its locale). */
function searchableTextField(lang: string): `text_${string}` {
  return isSupportedLanguage(lang) ? `text_${lang}` : 'text_other';
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
  /** The id of the article this one translates, when the client said so. */
  translationOf?: string;
  /** Speakers the article's own attributions name. */
  speakerIds: string[];
  quoteIds: string[];
  /** Characters of the article's own words: the text without `skipped`. */
  length?: number;
  /** Parts of the text that are not the article's own words (metadata lines, related-news blocks), [start, end). */
  skipped?: Array<[number, number]>;
  numbers: string[];
  vocabulary: string[];
  /** Names and numbers of the text (linking/signals.ts articleAnchors), filterable: candidate articles are found through them. */
  anchors?: string[];
  /** Per-mille positions of each anchor, in the order of `anchors`. */
  anchorSites?: number[][];
  /** Digest of what the article was ingested from: the same content posted again changes nothing. */
  contentHash?: string;
  ingestedAt: string;
  /** The bulk run that stored it, while it runs: its searches find it in memory instead (storage/run-memory.ts). */
  ingestRun?: string;
}

export interface SpeakerDoc {
  id: string;
  /** A surname-only speaker that is unambiguously one full-name speaker: the id of that one, which lists it. */
  sameAs?: string;
  name: string;
  names: Record<string, string>;
  aliases: string[];
  foldedNames: string[];
  roles: string[];
  languages: string[];
  quoteCount: number;
}
