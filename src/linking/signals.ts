import { PhraseMatcher } from '../ingestion/extract/lexicon.ts';
import { tokenize } from '../ingestion/extract/tokens.ts';
import { GENERIC_PROFILE, HONORIFIC_WORDS } from '../ingestion/languages/index.ts';
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
    found.add(normalised.replace(/^0+(?=\d)/, ''));
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
