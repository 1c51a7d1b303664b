import type { Lexicon } from './lexicon.ts';
import type { Range } from './boilerplate.ts';
import type { QuoteSpan } from './quote-marks.ts';
import { tokenize, type Token } from './tokens.ts';
import type { Mention } from './persons.ts';

/** One article prepared for extraction: its tokens and which of them are narration (not quoted, not boilerplate). */
export interface ArticleContext {
  text: string;
  lexicon: Lexicon;
  tokens: Token[];
  narrative: boolean[];
  /** Per token: 0 not yet known, 1 an ordinary word, 2 a word of the lexicon that cannot be part of a name. */
  functionWord: Uint8Array;
  /** Per token: the index of its sentence. */
  sentence: Int32Array;
  /** Keys of the words the article writes in lower case somewhere (see `isCommonWord`). */
  lowerCaseWords: Set<string>;
  /** The mentions of people in each stretch of narration, found once (`mentionsIn` reads them). */
  mentions: Mention[];
}

export function buildContext(text: string, lexicon: Lexicon, spans: QuoteSpan[], boilerplate: Range[]): ArticleContext {
  // Nothing after the paragraph of the last quote can attribute a quote, so the rest is never read.
  const lastClose = spans.length ? spans[spans.length - 1].close : 0;
  const paragraphEnd = text.indexOf('\n', lastClose);
  const tokens = tokenize(text, paragraphEnd < 0 ? text.length : paragraphEnd, lexicon.starts);
  const excluded = [...spans.map((s) => ({ start: s.open, end: s.close })), ...boilerplate].sort((a, b) => a.start - b.start);
  const narrative = new Array<boolean>(tokens.length);
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (r < excluded.length && excluded[r].end <= t.start) r++;
    narrative[i] = !(r < excluded.length && excluded[r].start <= t.start);
  }
  const lowerCaseWords = new Set<string>();
  for (const t of tokens) if (!t.capitalized) lowerCaseWords.add(t.key);
  const ctx: ArticleContext = {
    text, lexicon, tokens, narrative, functionWord: new Uint8Array(tokens.length), sentence: new Int32Array(tokens.length), lowerCaseWords, mentions: [],
  };
  for (let k = 1; k < tokens.length; k++) ctx.sentence[k] = ctx.sentence[k - 1] + (sentenceBreakBefore(ctx, k) ? 1 : 0);
  return ctx;
}

/** A word the article or its language writes in lower case: capitalised, only its place at a sentence start did it. */
export function isCommonWord(ctx: ArticleContext, key: string): boolean {
  return ctx.lowerCaseWords.has(key) || ctx.lexicon.functionWords.has(key);
}

/** Index of the first token starting at or after `offset`. */
export function tokenIndexAt(ctx: ArticleContext, offset: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a sentence ends between token `k - 1` and token `k`. */
export function sentenceBreakBefore(ctx: Pick<ArticleContext, 'text' | 'tokens' | 'lexicon'>, k: number): boolean {
  if (k <= 0 || k >= ctx.tokens.length) return true;
  const previous = ctx.tokens[k - 1];
  // Most words are one blank apart.
  if (ctx.tokens[k].start - previous.end === 1 && ctx.text.charCodeAt(previous.end) === 32) return false;
  const gap = ctx.text.slice(previous.end, ctx.tokens[k].start);
  if (gap.includes('\n')) return true;
  // A terminator followed by a blank or closing mark; `PGS.TS`, `TP.HCM`, `U.S.`, `1.200` and `59-NQ/TW`, with no
  // blank after the full stop, do not end sentences.
  if (!/[.!?…;](\s|["”»’)]|$)/.test(gap) || gap === '.') return false;
  // `Tn. Le`, `No. 59`, `M. Trung`: an abbreviation's full stop, not a sentence end.
  const abbreviation = /^\.\s+$/.test(gap) && (ctx.lexicon.abbreviations.has(previous.key) || /^\p{Lu}$/u.test(previous.text));
  return !abbreviation;
}
