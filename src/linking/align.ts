import { anchorNumbers, overlap, properNouns, sameUrl, slugWords } from './signals.ts';
import type { LinkableArticle, LinkableQuote, LinkEdge } from './types.ts';
import { fold } from '../text/fold.ts';

const DAY_MS = 86_400_000;

/** Typical length of a text in each language relative to the same text in Vietnamese. */
const LENGTH_FACTOR: Record<string, number> = { vi: 1, id: 1.12, fr: 1.25, en: 1.05 };
const lengthFactor = (lang: string) => LENGTH_FACTOR[lang] ?? 1.1;

export interface ArticleSide {
  article: LinkableArticle;
  quotes: LinkableQuote[];
}

/**
 * How likely two articles are versions of one another (a translation, or the same report):
 * a source line naming the other article, its URL slug spelling the other's words, shared numbers, close dates.
 */
export function articleAffinity(a: LinkableArticle, b: LinkableArticle): number {
  if (sameUrl(a.sourceUrl, b.url) || sameUrl(b.sourceUrl, a.url)) return 1;
  const slugMatch = Math.max(slugCoverage(a.sourceUrl, b), slugCoverage(b.sourceUrl, a));
  const numbers = a.numbers.length >= 3 && b.numbers.length >= 3 ? overlap(a.numbers, b.numbers) : 0.3;
  let dates = 0.5;
  if (a.publishedTs !== undefined && b.publishedTs !== undefined) {
    const days = Math.abs(a.publishedTs - b.publishedTs) / DAY_MS;
    dates = days <= 2 ? 1 : days <= 7 ? 0.6 : 0.1;
  }
  return Math.min(1, 0.55 * numbers + 0.3 * slugMatch + 0.15 * dates + (slugMatch >= 0.8 ? 0.2 : 0));
}

function slugCoverage(url: string | undefined, other: LinkableArticle): number {
  if (!url) return 0;
  const words = slugWords(url);
  if (words.length < 4) return 0;
  const known = new Set(other.vocabulary);
  // Word pairs when the other side stored them (articles stored before pairs existed: single words).
  if (!other.vocabulary.some((w) => w.includes('_'))) return words.filter((w) => known.has(w)).length / words.length;
  const pairs = words.slice(1).map((w, i) => `${words[i]}_${w}`);
  return pairs.filter((p) => known.has(p)).length / pairs.length;
}

interface QuoteFeatures {
  quote: LinkableQuote;
  /** Share of the speaker's quoted words in the article that this quote holds. */
  relativeLength: number;
  /** Length corrected for how long the language usually writes the same thing. */
  normalisedLength: number;
  position: number;
  numbers: string[];
  names: string[];
  words: string[];
}

function features(quotes: LinkableQuote[]): QuoteFeatures[] {
  const ordered = [...quotes].sort((x, y) => x.seq - y.seq);
  const total = ordered.reduce((sum, q) => sum + q.text.length, 0) || 1;
  return ordered.map((quote, rank) => ({
    quote,
    relativeLength: quote.text.length / total,
    normalisedLength: quote.text.length / lengthFactor(quote.lang),
    position: ordered.length === 1 ? 0.5 : rank / (ordered.length - 1),
    numbers: anchorNumbers(quote.text),
    names: properNouns(quote.text),
    words: fold(quote.text).split(' ').filter((w) => w.length > 1),
  }));
}

const ratioSimilarity = (x: number, y: number) => (x > 0 && y > 0 ? Math.min(x, y) / Math.max(x, y) : 0);

/**
 * Evidence from what survives translation inside the two quotes; undefined when neither side carries any.
 * Shared numbers count against the larger set, so that one common figure (a year, "12") among several does not make
 * two different statements the same one; `strict` (quotes of unrelated articles) does the same for names.
 */
function anchorSimilarity(a: QuoteFeatures, b: QuoteFeatures, strict = false): number | undefined {
  const scores: number[] = [];
  if (a.numbers.length || b.numbers.length) {
    const shared = a.numbers.filter((n) => b.numbers.includes(n)).length;
    const strictShare = shared / Math.max(a.numbers.length, b.numbers.length);
    // A translation keeps its figures: shared ones count against the larger set in every mode.
    scores.push(a.numbers.length && b.numbers.length ? strictShare : 0.2);
  }
  const sharedNames = strict
    ? a.names.filter((n) => b.names.includes(n)).length / Math.max(a.names.length, b.names.length, 1)
    : overlap(a.names, b.names);
  if (sharedNames > 0) scores.push(strict ? sharedNames : Math.min(1, 0.5 + sharedNames));
  return scores.length ? Math.max(...scores) : undefined;
}

/** Two quotes inside articles that translate each other: similar share of the text, place, and anchors. */
function translationSimilarity(a: QuoteFeatures, b: QuoteFeatures): number {
  const length = ratioSimilarity(a.relativeLength, b.relativeLength);
  const position = 1 - Math.abs(a.position - b.position);
  const anchors = anchorSimilarity(a, b);
  return anchors === undefined ? 0.6 * length + 0.4 * position : 0.35 * length + 0.25 * position + 0.4 * anchors;
}

/** Two quotes reported by unrelated articles: only anchors can tell, with a plausible length. */
function reportSimilarity(a: QuoteFeatures, b: QuoteFeatures): number {
  const anchors = anchorSimilarity(a, b, true);
  // More than half of the anchors must be shared: one common name ("Vietnam") or figure among two is not enough.
  if (anchors === undefined || anchors <= 0.5) return 0;
  return 0.65 * anchors + 0.35 * ratioSimilarity(a.normalisedLength, b.normalisedLength);
}

/** Same language, different outlets: the words themselves. */
function wordingSimilarity(a: QuoteFeatures, b: QuoteFeatures): number {
  if (!a.words.length || !b.words.length) return 0;
  const counts = new Map<string, number>();
  for (const w of b.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of a.words) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(w, left - 1);
    }
  }
  return (2 * shared) / (a.words.length + b.words.length);
}

/**
 * Best monotonic one-to-one alignment (quotes keep their order across versions), as length-based sentence aligners
 * do; pairs scoring under `floor` are left unaligned.
 */
function monotonicAlignment(rows: number, cols: number, score: (i: number, j: number) => number, floor: number) {
  const best: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= cols; j++) {
      const gain = score(i - 1, j - 1) - floor;
      best[i][j] = Math.max(best[i - 1][j], best[i][j - 1], gain > 0 ? best[i - 1][j - 1] + gain : -Infinity);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = rows, j = cols; i > 0 && j > 0; ) {
    if (best[i][j] === best[i - 1][j]) i--;
    else if (best[i][j] === best[i][j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  return pairs.reverse();
}

/**
 * The links between the quotes of two articles, speaker by speaker. Symmetric: the pair is always looked at in the
 * same order, so the result does not depend on which article arrived first.
 */
export function linkArticlePair(first: ArticleSide, second: ArticleSide, threshold: number): LinkEdge[] {
  const [a, b] = first.article.id <= second.article.id ? [first, second] : [second, first];
  const affinity = articleAffinity(a.article, b.article);
  const edges: LinkEdge[] = [];
  // Place and share of text are measured among all the quotes of the article, attributed or not: a quote whose
  // speaker was not found in one version must not shift the others of that speaker.
  const allLeft = features(a.quotes);
  const allRight = features(b.quotes);
  for (const group of speakerGroups(a.quotes, b.quotes)) {
    const left = allLeft.filter((f) => f.quote.speakerId !== null && group.has(f.quote.speakerId));
    const right = allRight.filter((f) => f.quote.speakerId !== null && group.has(f.quote.speakerId));
    if (!left.length || !right.length) continue;
    const sameLanguage = a.article.lang === b.article.lang;
    const balanced = ratioSimilarity(left.length, right.length) >= 0.6;
    const translation = !sameLanguage && balanced && affinity >= 0.6;
    const similarity = (i: number, j: number) =>
      sameLanguage
        ? wordingSimilarity(left[i], right[j])
        : translation
          ? translationSimilarity(left[i], right[j])
          : reportSimilarity(left[i], right[j]);
    const confidence = (s: number) =>
      sameLanguage ? s : translation ? 0.35 * affinity + 0.65 * s : 0.2 * affinity + 0.8 * s;
    for (const [i, j] of monotonicAlignment(left.length, right.length, (i, j) => confidence(similarity(i, j)), threshold)) {
      edges.push({ from: left[i].quote.id, to: right[j].quote.id, confidence: round(confidence(similarity(i, j))) });
    }
  }
  return edges;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The speakers of two articles, grouped when one name holds all the words of the other: articles name a person in
 * full once and then by surname or given name (`Delorme`, `Khoa`), and titles leak into names (`BI Hendra Wijaya`).
 * A group whose names are not all nested in one another (`Minh` with `Do Quang Minh` and `Ho Chi Minh`) is
 * ambiguous and falls back to exact ids. Computed over both sides at once, so it is symmetric.
 */
export function speakerGroups(left: readonly LinkableQuote[], right: readonly LinkableQuote[]): Array<Set<string>> {
  const ids = [...new Set([...left, ...right].map((q) => q.speakerId).filter((s): s is string => s !== null))].sort();
  const words = new Map(ids.map((id) => [id, id.split('-').filter(Boolean)]));
  const nested = (x: string, y: string) => {
    const [short, long] = words.get(x)!.length <= words.get(y)!.length ? [words.get(x)!, words.get(y)!] : [words.get(y)!, words.get(x)!];
    return short.length > 0 && short.every((w) => long.includes(w));
  };
  const parent = new Map(ids.map((id) => [id, id]));
  const root = (id: string): string => (parent.get(id) === id ? id : root(parent.get(id)!));
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) if (nested(ids[i], ids[j])) parent.set(root(ids[j]), root(ids[i]));
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
  const result: Array<Set<string>> = [];
  for (const members of [...groups.values()]) {
    const consistent = members.every((x, i) => members.slice(i + 1).every((y) => nested(x, y)));
    if (consistent) result.push(new Set(members));
    else for (const id of members) result.push(new Set([id]));
  }
  return result;
}
