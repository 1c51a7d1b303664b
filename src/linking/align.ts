import { LRUCache } from 'lru-cache';
import { anchorNumbers, ownTextOffset, properNouns } from './signals.ts';
import { articleAffinity, positionMap } from './pairing.ts';
import { nestedNames, speakerRelation, type SpeakerRelation } from './speakers.ts';
import type { LinkableArticle, LinkableQuote, LinkEdge } from './types.ts';
import { fold } from '../text/fold.ts';

export interface ArticleSide {
  article: LinkableArticle;
  quotes: LinkableQuote[];
}

/** From this affinity on, two articles in different languages are treated as translations of each other. */
export const TRANSLATION_AFFINITY = 0.3;
/** How far (share of the text) a quote may move between an article and its translation. */
const POSITION_TOLERANCE = 0.1;
/** What is left of a placement when both spans hold figures and share none. */
const FIGURES_DIFFER = 0.6;
/** Attribution confidence both sides need for two different people to forbid a link outright (extraction gives 0.85 and more to names found next to the quote). */
export const VETO_CERTAINTY = 0.85;
/** Placement similarity from which two spans are each other's translation whoever their articles say spoke them. */
const UNMISTAKABLE = 0.9;
/** Longest gap (share of the text) between two quotes a translation may have joined into one: `"A," he said, "B"`. */
const MERGE_GAP = 0.06;
/**
 * What reading two quotes as one costs: a wrong merge joins two clusters (many wrong pairs), a missed one loses a
 * few, so a merge must fit clearly better than either quote alone.
 */
const MERGE_COST = 0.15;

interface QuoteView {
  quote: LinkableQuote;
  /** Where the quote starts and ends, as shares of its article's text. */
  start: number;
  end: number;
  /** Its length as a share of its article's text: the same in every language. */
  share: number;
  readonly numbers: readonly string[];
  readonly names: readonly string[];
  readonly words: readonly string[];
}

function viewsOf(side: ArticleSide): QuoteView[] {
  const skipped = side.article.skipped ?? [];
  const at = (offset: number) => ownTextOffset(skipped, offset);
  // Articles stored before their length was: the end of the last quote stands in for it.
  const length = side.article.length || Math.max(1, ...side.quotes.map((q) => at(q.end)));
  return [...side.quotes]
    .sort((x, y) => x.start - y.start || x.seq - y.seq)
    .map((quote) => ({
      quote,
      start: at(quote.start) / length,
      end: at(quote.end) / length,
      share: (quote.end - quote.start) / length,
      ...textSignals(quote.text),
    }));
}

/**
 * What a quote's own words tell the aligner. A stored quote is a candidate's for many new articles, and each pair used
 * to read it again: a third of linking's time at 100k stored articles. Read once per text, for the most recent texts.
 */
const signalsByText = new LRUCache<string, Pick<QuoteView, 'numbers' | 'names' | 'words'>>({ max: 20_000 });

function textSignals(text: string): Pick<QuoteView, 'numbers' | 'names' | 'words'> {
  let signals = signalsByText.get(text);
  if (!signals) {
    signals = { numbers: anchorNumbers(text), names: properNouns(text), words: fold(text).split(' ').filter((w) => w.length > 1) };
    signalsByText.set(text, signals);
  }
  return signals;
}

/** One quote, or two consecutive ones read as one: a translation may join `"A," he said, "B"` into a single quote. */
interface Span {
  members: QuoteView[];
  start: number;
  end: number;
  share: number;
  numbers: string[];
  names: string[];
}

function spanOf(members: QuoteView[]): Span {
  return {
    members,
    start: members[0].start,
    end: members.at(-1)!.end,
    share: members.reduce((sum, m) => sum + m.share, 0),
    numbers: [...new Set(members.flatMap((m) => m.numbers))],
    names: [...new Set(members.flatMap((m) => m.names))],
  };
}

const dice = (a: readonly string[], b: readonly string[]) => {
  if (!a.length || !b.length) return 0;
  const set = new Set(b);
  return (2 * a.filter((x) => set.has(x)).length) / (a.length + b.length);
};

/**
 * Names and figures inside both quotes: undefined when neither has any. One figure both keep (`24.500`, `24,500`) is
 * strong evidence on its own; names less so (a month becomes a number, `May` / `tháng 5`; a place a common noun).
 */
function anchorAgreement(a: Span, b: Span): number | undefined {
  const left = [...a.numbers, ...a.names];
  const right = [...b.numbers, ...b.names];
  if (!left.length && !right.length) return undefined;
  // One side alone holding a figure or name is weak evidence against: translators spell out small numbers.
  if (!left.length || !right.length) return 0.3;
  const figures = a.numbers.length && b.numbers.length ? a.numbers.filter((n) => b.numbers.includes(n)).length / Math.max(a.numbers.length, b.numbers.length) : 0;
  const shared = Math.max(figures, dice(a.names, b.names));
  // Nothing shared is weak evidence too: a name becomes a pronoun, a figure a word.
  return shared ? 0.5 + 0.5 * shared : 0.25;
}

/** Where a place (share of the text) of one article lands in the other, and how much lengths stretch on the way. */
interface Placing {
  place: (share: number) => number;
  scale: number;
}

/** Figures on both sides and none in common: a translation or a report keeps its figures. */
const figuresDiffer = (x: readonly string[], y: readonly string[]) => x.length > 0 && y.length > 0 && !x.some((n) => y.some((m) => sameFigure(n, m)));

/** One figure in two units a thousand apart, as translations write them (`145.000 tỷ đồng`, `VND145 trillion`). */
function sameFigure(x: string, y: string): boolean {
  if (x === y) return true;
  const ratio = Math.log10(Math.max(Number(x), Number(y)) / Math.min(Number(x), Number(y)));
  return Number.isFinite(ratio) && ratio > 0 && Math.abs(ratio / 3 - Math.round(ratio / 3)) < 1e-9;
}

/**
 * Two spans of articles that translate each other: same place, same share of the text, same names and figures. Figures
 * on both sides with none in common are nearly a veto: a translation keeps its figures, and a paragraph moved in
 * translation lands a different statement where this one stood.
 */
function placementSimilarity(a: Span, b: Span, placing: Placing): number {
  const { place, scale } = placing;
  const drift = (Math.abs(place(a.start) - b.start) + Math.abs(place(a.end) - b.end)) / 2;
  // Shares of one text stretch by the map's scale in the other (a translated excerpt is shorter than its original).
  const position = Math.max(0, 1 - drift / (POSITION_TOLERANCE * Math.max(1, scale)));
  const length = Math.max(0, 1 - Math.abs(Math.log((scale * a.share) / b.share)) / 0.7);
  const anchors = anchorAgreement(a, b);
  const similarity = anchors === undefined ? 0.6 * position + 0.4 * length : 0.45 * position + 0.25 * length + 0.3 * anchors;
  return figuresDiffer(a.numbers, b.numbers) ? FIGURES_DIFFER * similarity : similarity;
}

/** The speakers of two spans: the same person anywhere is agreement, two known people anywhere a conflict. */
function spanSpeakers(a: Span, b: Span, left: LinkableArticle, right: LinkableArticle): SpeakerRelation {
  let relation: SpeakerRelation = { kind: 'unknown' };
  for (const x of a.members) {
    for (const y of b.members) {
      const r = speakerRelation(x.quote, y.quote, left, right);
      if (r.kind === 'same') return r;
      if (r.kind === 'different' && (relation.kind !== 'different' || r.certainty > relation.certainty)) relation = r;
    }
  }
  return relation;
}

/**
 * Link confidence of two spans in a translation pair. Agreeing speakers add to it. Two people both versions name
 * forbid it when both versions name them next to the quote (attribution confidence from VETO_CERTAINTY on) — unless
 * place, length and anchors agree unmistakably: then one version's attribution is the wrong one. A weaker
 * attribution (a pronoun, a title, a name further off) only takes from the confidence.
 */
function translationConfidence(a: Span, b: Span, affinity: number, placing: Placing, left: LinkableArticle, right: LinkableArticle): number {
  const speakers = spanSpeakers(a, b, left, right);
  const similarity = placementSimilarity(a, b, placing);
  if (speakers.kind === 'different' && speakers.certainty >= VETO_CERTAINTY && similarity < UNMISTAKABLE) return 0;
  const adjusted = speakers.kind === 'same' ? similarity + 0.1 : speakers.kind === 'different' ? similarity - 0.35 * speakers.certainty : similarity;
  return clamp(adjusted * (0.6 + 0.4 * affinity));
}

/** Two quotes reported by unrelated articles in different languages: only shared anchors can tell. */
function reportConfidence(a: QuoteView, b: QuoteView, affinity: number): number {
  const left = [...a.numbers, ...a.names];
  const right = [...b.numbers, ...b.names];
  if (!left.length || !right.length) return 0;
  const set = new Set(right);
  const strict = left.filter((x) => set.has(x)).length / Math.max(left.length, right.length);
  // More than half of the anchors must be shared: one common name ("Vietnam") or figure among two is not enough.
  if (strict <= 0.5) return 0;
  // Unrelated articles: only the quotes' own lengths compare (languages differ by a quarter at most).
  const length = Math.max(0, 1 - Math.abs(Math.log(a.quote.text.length / b.quote.text.length)) / 0.7);
  return clamp((0.65 * strict + 0.35 * length) * (0.8 + 0.2 * affinity));
}

/** Same language, different outlets: the words themselves. */
function wordingSimilarity(a: QuoteView, b: QuoteView): number {
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

type Step = 'skipA' | 'skipB' | '1:1' | '2:1' | '1:2';

/**
 * Best monotonic alignment (quotes keep their order across versions, as length-based sentence aligners assume), one
 * to one or one to two consecutive quotes; pairs under `floor` stay unaligned.
 */
function monotonicAlignment(
  rows: number,
  cols: number,
  score: (rows: number[], cols: number[]) => number,
  floor: number,
  canMerge: { rows: (i: number) => boolean; cols: (j: number) => boolean },
): Array<{ rows: number[]; cols: number[]; confidence: number }> {
  const best: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  const step: Step[][] = Array.from({ length: rows + 1 }, () => new Array<Step>(cols + 1).fill('skipA'));
  const scores = new Map<string, number>();
  const scoreOf = (r: number[], c: number[]) => {
    const key = `${r.join(',')}|${c.join(',')}`;
    if (!scores.has(key)) scores.set(key, score(r, c));
    return scores.get(key)!;
  };
  for (let i = 0; i <= rows; i++) {
    for (let j = 0; j <= cols; j++) {
      if (!i && !j) continue;
      let value = -Infinity;
      let choice: Step = 'skipA';
      const consider = (v: number, s: Step) => {
        if (v > value) [value, choice] = [v, s];
      };
      if (i > 0) consider(best[i - 1][j], 'skipA');
      if (j > 0) consider(best[i][j - 1], 'skipB');
      if (i > 0 && j > 0) {
        const gain = scoreOf([i - 1], [j - 1]) - floor;
        if (gain > 0) consider(best[i - 1][j - 1] + gain, '1:1');
      }
      if (i > 1 && j > 0 && canMerge.rows(i - 2)) {
        const gain = scoreOf([i - 2, i - 1], [j - 1]) - floor;
        if (gain > 0) consider(best[i - 2][j - 1] + gain, '2:1');
      }
      if (i > 0 && j > 1 && canMerge.cols(j - 2)) {
        const gain = scoreOf([i - 1], [j - 2, j - 1]) - floor;
        if (gain > 0) consider(best[i - 1][j - 2] + gain, '1:2');
      }
      best[i][j] = value;
      step[i][j] = choice;
    }
  }
  const out: Array<{ rows: number[]; cols: number[]; confidence: number }> = [];
  for (let i = rows, j = cols; i > 0 || j > 0; ) {
    const s = step[i][j];
    if (s === 'skipA') i--;
    else if (s === 'skipB') j--;
    else {
      const r = s === '2:1' ? [i - 2, i - 1] : [i - 1];
      const c = s === '1:2' ? [j - 2, j - 1] : [j - 1];
      out.push({ rows: r, cols: c, confidence: scoreOf(r, c) });
      i -= r.length;
      j -= c.length;
    }
  }
  return out.reverse();
}

/**
 * The links between the quotes of two articles. Symmetric: the pair is always looked at in the same order, so the
 * result does not depend on which article arrived first.
 *
 * - Translations (different languages, high affinity): every quote, attributed or not, aligned in order by place,
 *   length and anchors, one to one or one to two; then what is left, speaker by speaker, by anchors alone.
 * - Different languages, unrelated articles: quotes of one speaker that share most of their anchors.
 * - Same language: the wording, unless the two quotes are two people's.
 */
export function linkArticlePair(first: ArticleSide, second: ArticleSide, threshold: number): LinkEdge[] {
  const [a, b] = first.article.id <= second.article.id ? [first, second] : [second, first];
  if (!a.quotes.length || !b.quotes.length) return [];
  const affinity = articleAffinity(a.article, b.article);
  const left = viewsOf(a);
  const right = viewsOf(b);
  const edges: LinkEdge[] = [];
  const link = (x: QuoteView, y: QuoteView, confidence: number) => edges.push({ from: x.quote.id, to: y.quote.id, confidence: round(confidence) });

  if (a.article.lang === b.article.lang) {
    const score = (r: number[], c: number[]) => {
      const [x, y] = [left[r[0]], right[c[0]]];
      // One language spells one person one way: two names that do not nest are two people, even when neither
      // article mentions the other (`"Exports reached 366 billion," Pham said` is not `"… 149 billion," Tran said`).
      if (x.quote.speaker && y.quote.speaker && speakerRelation(x.quote, y.quote, a.article, b.article).kind !== 'same') return 0;
      return figuresDiffer(x.numbers, y.numbers) ? FIGURES_DIFFER * wordingSimilarity(x, y) : wordingSimilarity(x, y);
    };
    const never = () => false;
    for (const m of monotonicAlignment(left.length, right.length, score, threshold, { rows: never, cols: never })) link(left[m.rows[0]], right[m.cols[0]], m.confidence);
    return edges;
  }

  const aligned = new Set<QuoteView>();
  if (affinity >= TRANSLATION_AFFINITY) {
    // Two quotes read as one only when close and not given to two different people by their own article.
    const mergeable = (views: QuoteView[]) => (i: number) => {
      const [x, y] = [views[i].quote.speaker, views[i + 1].quote.speaker];
      return views[i + 1].start - views[i].end <= MERGE_GAP && (!x || !y || nestedNames(x.id, y.id));
    };
    const { map, scale } = positionMap(a.article, b.article);
    const placing: Placing = { place: (share) => map(1000 * share) / 1000, scale };
    const score = (r: number[], c: number[]) =>
      translationConfidence(spanOf(r.map((i) => left[i])), spanOf(c.map((j) => right[j])), affinity, placing, a.article, b.article) -
      (r.length + c.length > 2 ? MERGE_COST : 0);
    for (const m of monotonicAlignment(left.length, right.length, score, threshold, { rows: mergeable(left), cols: mergeable(right) })) {
      for (const i of m.rows) {
        for (const j of m.cols) {
          link(left[i], right[j], m.confidence);
          aligned.add(left[i]).add(right[j]);
        }
      }
    }
  }
  // Quotes of one speaker not aligned in order (a translation that moved them, or two reports of one statement).
  for (const x of left) {
    if (aligned.has(x) || !x.quote.speaker) continue;
    let best: { y: QuoteView; confidence: number } | undefined;
    for (const y of right) {
      if (aligned.has(y) || !y.quote.speaker || !nestedNames(x.quote.speaker.id, y.quote.speaker.id)) continue;
      const confidence = reportConfidence(x, y, affinity);
      if (confidence >= threshold && (!best || confidence > best.confidence)) best = { y, confidence };
    }
    if (best) {
      link(x, best.y, best.confidence);
      aligned.add(x).add(best.y);
    }
  }
  return edges;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Longest narration (characters) between the two halves of one sentence quoted around its attribution. */
const INTERRUPTION = 120;

/**
 * `"A," he said, "b …"`: a quote that goes on after its attribution in the same sentence — the first part ends with a
 * comma, the second opens in lower case — is one statement, linked within its article. Only the article is looked
 * at, so these links do not depend on what else is stored.
 */
export function continuationEdges(text: string, quotes: readonly LinkableQuote[]): LinkEdge[] {
  const ordered = [...quotes].sort((x, y) => x.start - y.start);
  const edges: LinkEdge[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const [first, second] = [ordered[i - 1], ordered[i]];
    const between = text.slice(first.end, second.start);
    if (between.length > INTERRUPTION || between.includes('\n')) continue;
    if (first.speaker && second.speaker && !nestedNames(first.speaker.id, second.speaker.id)) continue;
    const comma = /,\s*$/.test(first.text) || /^\s*\S?\s*,/u.test(between);
    if (comma && /^\p{Ll}/u.test(second.text)) edges.push({ from: first.id, to: second.id, confidence: CONTINUATION_CONFIDENCE });
  }
  return edges;
}

const CONTINUATION_CONFIDENCE = 0.9;
