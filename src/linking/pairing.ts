import { anchorWeight, overlap, sameUrl, slugWords } from './signals.ts';
import type { LinkableArticle } from './types.ts';

const DAY_MS = 86_400_000;
/** How far (per mille of the text) an anchor may move between an article and its translation. */
const SITE_TOLERANCE = 100;
/** Anchor weight two texts must share in place before their likeness counts in full (three names, or a long figure and a name). */
const MIN_PLACED_WEIGHT = 3;

/**
 * How likely two articles are versions of one another, in [0, 1]: 1 when a client or a source line says so; otherwise
 * from the names and numbers they share at the same places, their URL slugs and their dates. Symmetric, and computed
 * from the two articles alone, so that whether two articles pair never depends on what else is stored.
 */
export function articleAffinity(a: LinkableArticle, b: LinkableArticle): number {
  if (a.translationOf === b.id || b.translationOf === a.id) return 1;
  if (sameUrl(a.sourceUrl, b.url) || sameUrl(b.sourceUrl, a.url)) return 1;
  if (translatesAnother(a, b) || translatesAnother(b, a)) return 0;
  const slugMatch = Math.max(slugCoverage(a.sourceUrl, b), slugCoverage(b.sourceUrl, a));
  let affinity = Math.max(anchorAffinity(a, b), slugMatch >= 0.8 ? 0.9 : 0.6 * slugMatch);
  if (a.publishedTs !== undefined && b.publishedTs !== undefined) {
    // A translation appears within days of its original; a year apart, two texts sharing names are two stories.
    const days = Math.abs(a.publishedTs - b.publishedTs) / DAY_MS;
    affinity *= days <= 3 ? 1 : days <= 14 ? 0.8 : 0.4;
  }
  return Math.min(1, affinity);
}

/**
 * Names and numbers shared at the same place of both texts, weighted, against everything either text holds (a
 * cosine): a translation keeps them where they were, two reports of one event share the names in another order.
 * Scaled so that 1 means "certainly a translation" and texts of very different lengths count for less.
 */
export function anchorAffinity(a: LinkableArticle, b: LinkableArticle): number {
  if (!a.anchors?.length || !b.anchors?.length) return legacyNumberAffinity(a, b);
  const sitesOf = new Map(b.anchors.map((anchor, i) => [anchor, b.anchorSites[i] ?? []]));
  let placed = 0;
  let weightA = 0;
  a.anchors.forEach((anchor, i) => {
    const w = anchorWeight(anchor);
    weightA += w;
    const other = sitesOf.get(anchor);
    if (other && (a.anchorSites[i] ?? []).some((x) => other.some((y) => Math.abs(x - y) <= SITE_TOLERANCE))) placed += w;
  });
  const weightB = b.anchors.reduce((sum, anchor) => sum + anchorWeight(anchor), 0);
  const cosine = placed / Math.sqrt(weightA * weightB);
  // Two short texts sharing a name and a year are alike by their shortness, not by translation.
  const evidence = Math.min(1, placed / MIN_PLACED_WEIGHT);
  return scaled(cosine) * lengthFit(a.length, b.length) * evidence;
}

/**
 * Where a place in one article lands in the other: a piecewise-linear map through the anchors both share, in order
 * (the longest chain of anchor sites increasing on both sides), from (0, 0) to (1000, 1000). A translation that
 * runs longer in one paragraph shifts everything after it; anchors on either side of a quote correct that.
 */
export function positionMap(a: LinkableArticle, b: LinkableArticle): (perMille: number) => number {
  const sitesOf = new Map((b.anchors ?? []).map((anchor, i) => [anchor, b.anchorSites[i] ?? []]));
  const candidates: Array<{ x: number; y: number; w: number }> = [];
  (a.anchors ?? []).forEach((anchor, i) => {
    const other = sitesOf.get(anchor);
    if (!other) return;
    for (const x of a.anchorSites[i] ?? []) {
      const y = other.reduce((best, site) => (Math.abs(site - x) < Math.abs(best - x) ? site : best), other[0]);
      if (Math.abs(x - y) <= 2 * SITE_TOLERANCE) candidates.push({ x, y, w: anchorWeight(anchor) });
    }
  });
  candidates.sort((p, q) => p.x - q.x || p.y - q.y);
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
  const points: Array<{ x: number; y: number }> = [{ x: 1000, y: 1000 }];
  let at = score.reduce((best, s, i) => (best < 0 || s > score[best] ? i : best), -1);
  for (; at >= 0; at = previous[at]) if (candidates[at].x < points[0].x && candidates[at].y < points[0].y) points.unshift(candidates[at]);
  points.unshift({ x: 0, y: 0 });
  return (x) => {
    let k = 1;
    while (k < points.length - 1 && points[k].x < x) k++;
    const [p, q] = [points[k - 1], points[k]];
    return q.x === p.x ? q.y : p.y + ((x - p.x) * (q.y - p.y)) / (q.x - p.x);
  };
}

/** Cosine 0.1 (what unrelated texts reach) to 0; 0.35 (a translation with few names) and beyond to 1. */
const scaled = (cosine: number) => Math.max(0, Math.min(1, (cosine - 0.1) / 0.25));

/** A translation is 0.75 to 1.4 times as long as its original; a text three times as long is another text. */
function lengthFit(x: number, y: number): number {
  if (!x || !y) return 1;
  const ratio = Math.max(x, y) / Math.min(x, y);
  return ratio <= 1.4 ? 1 : ratio >= 2.5 ? 0 : 1 - (ratio - 1.4) / 1.1;
}

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
  return slugWords(a.sourceUrl).length >= 4 && slugCoverage(a.sourceUrl, b) < 0.5;
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
