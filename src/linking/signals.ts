import { PhraseMatcher } from '../ingestion/extract/lexicon.ts';
import { tokenize } from '../ingestion/extract/tokens.ts';
import { GENERIC_PROFILE, HONORIFIC_WORDS } from '../ingestion/languages/index.ts';
import type { TextSignals } from '../ingestion/pipeline.ts';
import { fold } from '../text/fold.ts';

// 1.000 / 1,000 / 1 000 / 1 000 (narrow no-break) are the same thousand; a lone separator followed by other than
// three digits is a decimal mark.
const NUMBER = /\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?/g;

export function numbersIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(NUMBER)) {
    const raw = match[0];
    const grouped = /^\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+$/.test(raw) && !/^\d+[.,]\d{3}$/.test(raw.replace(/[\u00a0\u202f ]/g, ''))
      ? raw.replace(/[.,\u00a0\u202f ]/g, '')
      : raw;
    // "5.000" is five thousand in vi/id/fr and "5,000" in en: a single separator before exactly three digits groups.
    const normalised = /^\d{1,3}[.,]\d{3}$/.test(grouped) ? grouped.replace(/[.,]/, '') : grouped.replace(',', '.');
    // `13.00` (a time, `pukul 13.00`) is `13h`; `4.50` is `4.5`.
    found.add(normalised.replace(/^0+(?=\d)/, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''));
  }
  return [...found];
}

/** Numbers a translator keeps: two digits or more (single digits are often spelled out). */
export function anchorNumbers(text: string): string[] {
  return numbersIn(text).filter((n) => n.replace('.', '').length >= 2);
}

const CAPITALISED_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*)*/gu;
const SENTENCE_START = /(^|[.!?:;"“”«»„\n]\s*|[-–—]\s+)$/;

// Titles and honorifics of every language, with the words that build a title after its head. A translation changes
// them (`President` / `Chủ tịch` / `Presiden`) and keeps the name after them.
const flagged = (words: readonly string[]): [string, true][] => [...new Set(words)].map((w) => [w, true]);
const titleHeads = new PhraseMatcher(flagged([...GENERIC_PROFILE.titles, ...HONORIFIC_WORDS]));
const titleWords = new PhraseMatcher(flagged(GENERIC_PROFILE.titleWords));
/** Longest lookahead past a capitalised run that a title may need: `Tổng Bí` is the start of `Tổng Bí thư`. */
const TITLE_LOOKAHEAD = 24;

/** Characters a leading title takes of the capitalised run at `index`: 0 when it has none, its length or more when it is all title. */
function titleLength(text: string, index: number, run: string): number {
  const window = text.slice(index, index + run.length + TITLE_LOOKAHEAD);
  const tokens = tokenize(window);
  let k = 0;
  let headed = false;
  while (k < tokens.length) {
    const head = titleHeads.match(window, tokens, k);
    const word = head ?? titleWords.match(window, tokens, k);
    if (!word) break;
    headed ||= Boolean(head);
    k += word.length;
  }
  if (!headed) return 0;
  return k < tokens.length ? tokens[k].start : window.length;
}

/**
 * Names and acronyms, folded and spaceless so that `Hồ Chí Minh` = `Ho Chi Minh` and `Việt Nam` = `Vietnam`; without
 * the titles glued to them (`President Ho Chi Minh` gives `hochiminh`), and titles alone are not names.
 */
export function properNouns(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    const title = titleLength(text, match.index, match[0]);
    if (title >= match[0].length) continue;
    const name = match[0].slice(title);
    const words = name.split(/\s+/);
    const atSentenceStart = SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index));
    const acronym = /^\p{Lu}{2,}/u.test(name);
    if (atSentenceStart && words.length === 1 && !acronym && !title) continue;
    const key = fold(name).replace(/ /g, '');
    if (key.length >= 3 && !/^\d+$/.test(key)) found.add(key);
  }
  return [...found];
}

/**
 * Folded words of a text, then its word pairs (`thu_tuong`) in the order they occur, skipping what slugWords skips
 * (one letter, digits only). The pairs let a URL slug be matched in order: in Vietnamese, where every syllable is a
 * word, two articles on one subject share most single words of a slug but few of its pairs.
 */
export function vocabulary(text: string, cap = 4000): string[] {
  const words = new Set<string>();
  const pairs = new Set<string>();
  let previous: string | undefined;
  for (const word of fold(text).split(' ')) {
    if (word.length < 2 || /^\d+$/.test(word)) {
      if (word.length >= 2 && words.size < cap) words.add(word);
      if (word.length >= 2) previous = undefined;
      continue;
    }
    if (words.size < cap) words.add(word);
    if (previous && pairs.size < cap) pairs.add(`${previous}_${word}`);
    previous = word;
    if (words.size >= cap && pairs.size >= cap) break;
  }
  return [...words, ...pairs];
}

/** Words of a URL's last path segment, when it is a readable slug. */
export function slugWords(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const words = fold(last.replace(/\.[a-z]{2,5}$/i, '')).split(' ');
  return words.filter((w) => w.length >= 2 && !/^\d+$/.test(w));
}

export function sameUrl(a?: string, b?: string): boolean {
  if (!a || !b) return false;
  const canonical = (u: string) => u.replace(/^https?:\/\/(www\.)?/i, '').replace(/[?#].*$/, '').replace(/\/$/, '').toLowerCase();
  return canonical(a) === canonical(b);
}

/** Share of `part` found in `whole`: 1 when every element of the smaller side is shared. */
export function overlap(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(b);
  const shared = a.filter((x) => set.has(x)).length;
  return shared / Math.min(a.length, b.length);
}

/**
 * What survives translation of an article, each with where it stands: names (every capitalised word of a name, and
 * the whole name folded into one key, `Hà Nội` = `Hanoi`) and numbers (`#24500`). Positions are per mille of the
 * text's length, and a translation keeps them roughly where they were.
 */
export interface ArticleAnchors {
  anchors: string[];
  /** Per-mille positions of each anchor, in the order of `anchors`. */
  sites: number[][];
}

const MAX_ANCHORS = 300;
const MAX_SITES = 8;
/** Runs of capitalised words up to this long are also read as the names of two or three words inside them. */
const MAX_RUN_SPLIT = 6;
const NUMBER_RUN = /\d[\d.,\u00a0\u202f ]*\d|\d/g;
const SENTENCE_END_BEFORE = /(^|[.!?:;"“”«»„…\n]|[-–—])\s*$/;
// Titles and forms of address change in translation (`President`, `Presiden`, `Ông`): they are no anchor. Only
// one-word ones: the words of longer titles (`Văn phòng`, `Chủ tịch`) are also syllables of names.
const TITLE_KEYS = new Set([...GENERIC_PROFILE.titles, ...HONORIFIC_WORDS].map((t) => fold(t)).filter((t) => !t.includes(' ')));
/** Titles long enough not to be a name too (`anh`, `ba` are given names): they split a capitalised run wherever they stand. */
const isSplittingTitle = (key: string) => key.length >= 4 && TITLE_KEYS.has(key);

/** A word without an elided article before it (`l'OTAN`) or a possessive after it (`Trump's`). */
function bareWord(word: string): string {
  return word.replace(/^\p{L}{1,2}['’](?=\p{L})/u, '').replace(/['’]s$/u, '');
}

/**
 * Where an offset of the text stands in the article's own words, the parts in `skipped` (sorted, disjoint [start, end)
 * ranges: metadata lines, related-news blocks) taken out.
 */
export function ownTextOffset(skipped: ReadonlyArray<readonly [number, number]>, offset: number): number {
  let removed = 0;
  for (const [start, end] of skipped) {
    if (start >= offset) break;
    removed += Math.min(end, offset) - start;
  }
  return offset - removed;
}

/** Characters of the article's own words. */
export function ownTextLength(text: string, skipped: ReadonlyArray<readonly [number, number]>): number {
  return ownTextOffset(skipped, text.length);
}

export function articleAnchors(text: string, skipped: ReadonlyArray<readonly [number, number]> = []): ArticleAnchors {
  const inSkipped = (at: number) => skipped.some(([start, end]) => at >= start && at < end);
  const words = tokenize(text).filter((t) => !inSkipped(t.start)).map(({ start, end, text }) => ({ start, end, text, bare: bareWord(text) }));
  const isName = (w: (typeof words)[number]) => /^\p{Lu}/u.test(w.bare);
  // An article repeats its words (a Vietnamese one its syllables): each is folded once.
  const folded = new Map<string, string>();
  const foldWord = (word: string) => folded.get(word) ?? folded.set(word, fold(word)).get(word)!;
  const lowerCase = new Set<string>();
  const midSentence = new Set<string>();
  const runs: Array<{ keys: string[]; at: number; sentenceStart: boolean }> = [];
  for (let i = 0; i < words.length; ) {
    if (!isName(words[i])) {
      if (!/^\d/.test(words[i].text)) for (const part of foldWord(words[i].bare).split(' ')) lowerCase.add(part);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length && isName(words[j]) && /^[ \u00a0]+$/.test(text.slice(words[j - 1].end, words[j].start))) j++;
    const sentenceStart = SENTENCE_END_BEFORE.test(text.slice(Math.max(0, words[i].start - 3), words[i].start));
    // Titles split a run: `Macedonian President Gjorge Ivanov` holds `Gjorge Ivanov`, whatever the title is in translation.
    let run: { keys: string[]; at: number; sentenceStart: boolean } | undefined;
    for (let k = i; k < j; k++) {
      const key = foldWord(words[k].bare).replace(/ /g, '');
      if (!key || isSplittingTitle(key) || (!run && TITLE_KEYS.has(key))) {
        run = undefined;
        continue;
      }
      if (!run) runs.push((run = { keys: [], at: words[k].start, sentenceStart: sentenceStart && k === i }));
      run.keys.push(key);
    }
    i = j;
  }
  for (const run of runs) if (!run.sentenceStart || run.keys.length > 1) for (const k of run.keys) midSentence.add(k);
  const sites = new Map<string, number[]>();
  const length = Math.max(1, ownTextLength(text, skipped));
  const add = (key: string, at: number) => {
    const list = sites.get(key) ?? [];
    if (list.length < MAX_SITES) list.push(Math.round((1000 * ownTextOffset(skipped, at)) / length));
    sites.set(key, list);
  };
  for (const run of runs) {
    // A lone capitalised word opening a sentence is a name only if the article capitalises it elsewhere too.
    if (run.sentenceStart && run.keys.length === 1 && !midSentence.has(run.keys[0])) continue;
    for (const k of run.keys) if (k.length >= 3 && !lowerCase.has(k)) add(k, run.at);
    if (run.keys.length > 1) add(run.keys.join(''), run.at);
    // Names inside a longer run (`Liverpool Daniel Sturridge`, a headline running into the text), marked as such: they
    // tell which names an article spells, but repeat its words and weigh nothing in pairing articles.
    if (run.keys.length > 2 && run.keys.length <= MAX_RUN_SPLIT) {
      for (let from = 0; from < run.keys.length; from++) {
        for (let to = from + 2; to <= Math.min(run.keys.length, from + 3); to++) if (to - from < run.keys.length) add(`${INNER_NAME}${run.keys.slice(from, to).join('')}`, run.at);
      }
    }
  }
  for (const match of text.matchAll(NUMBER_RUN)) {
    if (inSkipped(match.index)) continue;
    for (const n of numbersIn(match[0])) if (n.replace('.', '').length >= 2) add(`#${n}`, match.index);
  }
  const ranked = [...sites.entries()].sort((x, y) => anchorWeight(y[0]) - anchorWeight(x[0]) || x[1][0] - y[1][0]).slice(0, MAX_ANCHORS);
  return { anchors: ranked.map(([k]) => k), sites: ranked.map(([, s]) => s) };
}

/** Marks a name read inside a longer run of capitalised words. */
export const INNER_NAME = '~';

/** How much sharing an anchor tells: a long figure more than a year, a long name more than a short one. */
export function anchorWeight(anchor: string): number {
  if (anchor.startsWith(INNER_NAME)) return 0;
  if (anchor.startsWith('#')) {
    const digits = anchor.length - 1 - (anchor.includes('.') ? 1 : 0);
    if (/^#(19|20)\d\d$/.test(anchor)) return 0.7;
    return digits >= 3 ? 2 : 0.5;
  }
  return anchor.length >= 5 ? 1 : 0.7;
}

/**
 * Everything linking reads in an article's text but its own words (`notArticleText`), at once: what a batch's worker
 * threads read ahead with the quotes.
 */
export function textSignals(text: string, skipped: Array<[number, number]>): TextSignals {
  const { anchors, sites } = articleAnchors(text, skipped);
  return { skipped, length: ownTextLength(text, skipped), numbers: anchorNumbers(text), vocabulary: vocabulary(text), anchors, sites };
}
