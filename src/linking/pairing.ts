import { anchorWeight, overlap, sameUrl, slugWords } from './signals.ts';
import type { LinkableArticle } from './types.ts';

const DAY_MS = 86_400_000;
/** How far (per mille of the text) an anchor may move between an article and its translation. */
const SITE_TOLERANCE = 100;
/** Anchor weight two texts must share in place before their likeness counts in full (three names, or a long figure and a name). */
const MIN_PLACED_WEIGHT = 3;
/**
 * Share of a source URL's slug (as word pairs) a text must hold to be the article it names: another article on the
 * same subject holds many of its pairs too, Vietnamese syllables especially.
 */
const SLUG_NAMES_IT = 0.8;
/** What is left of the affinity of a text to one that is not the original its source line names. */
const ANOTHER_ORIGINAL = 0.5;

/**
 * How likely two articles are versions of one another, in [0, 1]: 1 when a client or a source line says so; otherwise
 * from the names and numbers they share at the same places, their URL slugs and their dates. Symmetric, and computed
 * from the two articles alone, so that whether two articles pair never depends on what else is stored.
 */
export function articleAffinity(a: LinkableArticle, b: LinkableArticle): number {
  if (a.translationOf === b.id || b.translationOf === a.id) return 1;
  if (sameUrl(a.sourceUrl, b.url) || sameUrl(b.sourceUrl, a.url)) return 1;
  const slugMatch = Math.max(slugCoverage(a.sourceUrl, b), slugCoverage(b.sourceUrl, a));
  let affinity = Math.max(anchorAffinity(a, b), slugMatch >= SLUG_NAMES_IT ? 0.9 : 0.6 * slugMatch);
  // A text whose source line names another original is a report of the same event at best (two outlets' accounts of
  // one speech, each translated): its places count for less.
  if (translatesAnother(a, b) || translatesAnother(b, a)) affinity *= ANOTHER_ORIGINAL;
  if (a.publishedTs !== undefined && b.publishedTs !== undefined) {
    // A translation appears within days of its original; a year apart, two texts sharing names are two stories.
    const days = Math.abs(a.publishedTs - b.publishedTs) / DAY_MS;
    affinity *= days <= 3 ? 1 : days <= 14 ? 0.8 : 0.4;
  }
  return Math.min(1, affinity);
}

/** One anchor at one of its places in each text (per mille), with the anchor's weight. */
interface Match {
  anchor: string;
  x: number;
  y: number;
  w: number;
}

/**
 * How one text's places land in the other's: a line `y = slope · x + offset` (per mille) fitted to the anchors both
 * share — slope 1 for a full translation, more for a translation of an excerpt — and the matches lying on it.
 */
interface LineFit {
  slope: number;
  offset: number;
  inliers: Match[];
  /** Weight of the anchors with a place on the line, each counted once. */
  placed: number;
  /** Matches near the line, within twice the tolerance: a paragraph translated longer moves its anchors that far. */
  near: Match[];
}

/** Sites per anchor paired across the texts: a name's first few mentions place it well enough. */
const SITES_MATCHED = 4;
/** Matches (the heaviest) two at a time drawing the lines tried. */
const LINE_SEEDS = 30;
/**
 * Slopes a line may have, as multiples of the texts' length ratio: a language writes the same thing up to a third
 * longer than another, and a translated excerpt keeps the ratio of its places to its length.
 */
const SLOPE_RANGE = [0.7, 1.45] as const;
/** An excerpt in one language may hold as little as this share of the other's text, and no less. */
const MIN_SLOPE = 0.4;

function matchesOf(a: LinkableArticle, b: LinkableArticle): Match[] {
  const sitesOf = new Map(b.anchors.map((anchor, i) => [anchor, b.anchorSites[i] ?? []]));
  const matches: Match[] = [];
  a.anchors.forEach((anchor, i) => {
    const w = anchorWeight(anchor);
    const other = sitesOf.get(anchor);
    if (!w || !other) return;
    for (const x of (a.anchorSites[i] ?? []).slice(0, SITES_MATCHED)) for (const y of other.slice(0, SITES_MATCHED)) matches.push({ anchor, x, y, w });
  });
  return matches;
}

/** Places (per mille, a twentieth of the text apart) a line other than the identity must pass through. */
const LINE_PLACES = 3;

/** How many distinct places, a twentieth of the text apart, the matches stand at. */
function spread(matches: Match[]): number {
  const xs = [...new Set(matches.map((m) => Math.round(m.x / 50)))];
  return xs.length;
}

function fitOn(matches: Match[], slope: number, offset: number): LineFit {
  // The tolerance is measured along the longer text, so that (a, b) and (b, a) keep the same matches.
  const off = (m: Match) => Math.abs(m.y - (slope * m.x + offset)) / Math.max(1, slope);
  const inliers = matches.filter((m) => off(m) <= SITE_TOLERANCE);
  const weights = new Map(inliers.map((m) => [m.anchor, m.w]));
  return { slope, offset, inliers, placed: [...weights.values()].reduce((sum, w) => sum + w, 0), near: matches.filter((m) => off(m) <= 2 * SITE_TOLERANCE) };
}

const fits = new WeakMap<LinkableArticle, WeakMap<LinkableArticle, LineFit>>();

/**
 * The line through the shared anchors that holds the most of them: the identity first (a translation keeps its
 * places), then the lines through two heavy matches at a time, with a slope an excerpt allows. Two reports of one
 * event share names in no such order. Computed once per pair of article objects.
 */
function lineFit(a: LinkableArticle, b: LinkableArticle): LineFit {
  const cached = fits.get(a)?.get(b);
  if (cached) return cached;
  const matches = matchesOf(a, b);
  // Per mille of each text, an anchor at x in `a` stands near slope · x in `b`, slope ≈ length(a) / length(b).
  const ratio = a.length && b.length ? a.length / b.length : 1;
  const [low, high] = [Math.max(MIN_SLOPE, SLOPE_RANGE[0] * ratio), Math.min(1 / MIN_SLOPE, SLOPE_RANGE[1] * ratio)];
  const empty: LineFit = { slope: 1, offset: 0, inliers: [], placed: 0, near: [] };
  let best = low <= 1 && 1 <= high ? fitOn(matches, 1, 0) : empty;
  const seeds = [...matches].sort((m, n) => n.w - m.w || m.x - n.x || m.y - n.y).slice(0, LINE_SEEDS);
  for (let i = 0; i < seeds.length; i++) {
    for (let j = i + 1; j < seeds.length; j++) {
      const [p, q] = [seeds[i], seeds[j]];
      if (p.anchor === q.anchor || q.x === p.x) continue;
      const slope = (q.y - p.y) / (q.x - p.x);
      if (slope < low || slope > high) continue;
      const fit = fitOn(matches, slope, p.y - slope * p.x);
      // Two points make a line: another than the identity must hold clearly more, at places spread along the texts.
      if (fit.placed > best.placed + 1 && fit.placed >= 2 * MIN_PLACED_WEIGHT && spread(fit.inliers) >= LINE_PLACES) best = fit;
    }
  }
  if (!fits.has(a)) fits.set(a, new WeakMap());
  fits.get(a)!.set(b, best);
  return best;
}

/**
 * Names and numbers shared at corresponding places of both texts, weighted, against everything either text holds (a
 * cosine): a translation keeps them in place — or, translating an excerpt, on one line — while two reports of one
 * event share the names in another order. Scaled so that 1 means "certainly a translation".
 */
export function anchorAffinity(a: LinkableArticle, b: LinkableArticle): number {
  if (!a.anchors?.length || !b.anchors?.length) return legacyNumberAffinity(a, b);
  const { placed } = a.id <= b.id ? lineFit(a, b) : lineFit(b, a);
  const weightOf = (article: LinkableArticle) => article.anchors.reduce((sum, anchor) => sum + anchorWeight(anchor), 0);
  const cosine = placed / Math.sqrt(weightOf(a) * weightOf(b));
  // Two short texts sharing a name and a year are alike by their shortness, not by translation.
  const evidence = Math.min(1, placed / MIN_PLACED_WEIGHT);
  return scaled(cosine) * evidence;
}

/**
 * Where a place in one article lands in the other: a piecewise-linear map through the anchors near the fitted line, in
 * order (the heaviest chain of them increasing on both sides), and along the line beyond them. A translation that runs
 * longer in one paragraph shifts everything after it; anchors on either side of a quote correct that.
 */
export function positionMap(a: LinkableArticle, b: LinkableArticle): { map: (perMille: number) => number; scale: number } {
  const fit = lineFit(a, b);
  const candidates = [...fit.near].sort((p, q) => p.x - q.x || p.y - q.y);
  // Heaviest chain increasing in both coordinates (quadratic, on at most a few hundred sites).
  const score = candidates.map((c) => c.w);
  const previous = candidates.map(() => -1);
  for (let i = 0; i < candidates.length; i++) {
    for (let j = 0; j < i; j++) {
      if (candidates[j].x < candidates[i].x && candidates[j].y < candidates[i].y && score[j] + candidates[i].w > score[i]) {
        score[i] = score[j] + candidates[i].w;
        previous[i] = j;
      }
    }
  }
  const points: Array<{ x: number; y: number }> = [];
  for (let at = score.reduce((best, v, i) => (best < 0 || v > score[best] ? i : best), -1); at >= 0; at = previous[at]) points.unshift(candidates[at]);
  const clamp = (y: number) => Math.max(0, Math.min(1000, y));
  const scale = fit.slope;
  if (!points.length) return { map: (x) => clamp(fit.slope * x + fit.offset), scale };
  const [first, last] = [points[0], points.at(-1)!];
  const map = (x: number) => {
    if (x <= first.x) return clamp(first.y + (x - first.x) * fit.slope);
    if (x >= last.x) return clamp(last.y + (x - last.x) * fit.slope);
    let k = 1;
    while (points[k].x < x) k++;
    const [p, q] = [points[k - 1], points[k]];
    return p.y + ((x - p.x) * (q.y - p.y)) / (q.x - p.x);
  };
  return { map, scale };
}

/** Cosine 0.1 (what unrelated texts reach) to 0; 0.35 (a translation with few names) and beyond to 1. */
const scaled = (cosine: number) => Math.max(0, Math.min(1, (cosine - 0.1) / 0.25));

/** Articles stored before anchors existed: shared numbers only. */
function legacyNumberAffinity(a: LinkableArticle, b: LinkableArticle): number {
  return a.numbers.length >= 3 && b.numbers.length >= 3 ? 0.6 * overlap(a.numbers, b.numbers) : 0;
}

/**
 * `a` names its original (a client's `translationOf`, a source line) and `b` is neither that original nor another
 * translation of it: two briefings of one spokesperson a week apart look alike, the source line tells them apart.
 * An original without a URL is recognised by the words of the source URL's slug, when it has a readable one.
 */
function translatesAnother(a: LinkableArticle, b: LinkableArticle): boolean {
  if (a.translationOf) return b.translationOf !== a.translationOf;
  if (!a.sourceUrl || sameUrl(a.sourceUrl, b.sourceUrl)) return false;
  if (b.url) return true;
  return slugWords(a.sourceUrl).length >= 4 && slugCoverage(a.sourceUrl, b) < SLUG_NAMES_IT;
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
