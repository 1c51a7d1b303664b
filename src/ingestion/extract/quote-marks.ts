/**
 * Finds the spans of text between quotation marks. Real articles mix straight and curly marks, open with `”` or
 * close with `"`, leave a quote unclosed, nest one quote in another, and use `"` as a stray apostrophe
 * (`Waters" office`): whether a mark opens or closes is read from where it stands against the words around it, not
 * from alternation, so that one stray mark does not shift the pairing of every later one.
 */

export interface QuoteSpan {
  /** Offset of the opening mark and just past the closing mark. */
  open: number;
  close: number;
  /** The quoted words, blanks inside the marks trimmed (French `« … »`). */
  start: number;
  end: number;
}

const MAX_QUOTE_CHARS = 4000;
const MAX_SINGLE_QUOTE_CHARS = 600;
const LETTER = /[\p{L}\p{N}]/u;
const WORD_START = /[\p{L}\p{N}¿¡([{…$€£'‘-]/u;
const DOUBLE_MARK = /["“”„«»]/g;
const SINGLE_MARK = /['‘’]/g;

type Role = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  role: Role;
  /** A closing shape that is more often something else (`students' behaviour`): used only when no other closes. */
  weak?: boolean;
}

/** Blank, line start, or punctuation that may stand before an opening mark. */
const BEFORE_OPEN = /[\s([{—–\-:/]/;
/** What may follow a closing mark: a blank, the line end, or punctuation. */
const AFTER_CLOSE = /[\s.,;:!?…)\]}—–\-/'’"”»]/;

/** Whether the double mark at `i` opens a quote, closes one, could do either, or is stray (undefined). */
function doubleRole(text: string, i: number, from: number, to: number): Role | undefined {
  const mark = text[i];
  if (mark === '«' || mark === '„') return 'open';
  if (mark === '»') return 'close';
  const before = i > from ? text[i - 1] : ' ';
  const after = i + 1 < to ? text[i + 1] : ' ';
  // `\"` is a mark escaped by whatever produced the text: part of the words, not a quotation mark.
  if (before === '\\') return undefined;
  const canOpen = BEFORE_OPEN.test(before) && (WORD_START.test(after) || /["“]/.test(after));
  const canClose = !/\s/.test(before) && AFTER_CLOSE.test(after);
  if (mark === '“') return canClose && !canOpen ? 'close' : 'open';
  if (mark === '”') return canOpen && !canClose ? 'open' : 'close';
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  // ` " ` between blanks: spaced marks (`" Kata …`) are read by alternation; `a"b` joins two words and is stray.
  return /\s/.test(before) && /\s/.test(after) ? 'either' : undefined;
}

/**
 * Single quotes double as apostrophes (l'intégration, don't, Vietnam's), so a single quote opens only after a blank
 * or bracket and before a letter, and closes only after a non-blank and before a blank, punctuation or line end.
 */
function singleRole(text: string, i: number, from: number, to: number): Mark['role'] | 'weak' | undefined {
  const mark = text[i];
  const before = i > from ? text[i - 1] : ' ';
  const after = i + 1 < to ? text[i + 1] : ' ';
  if (mark !== '’' && /[\s([—–:-]/.test(before) && LETTER.test(after)) return 'open';
  if (mark === '‘' || /\s/.test(before) || LETTER.test(after)) return undefined;
  // `students' behaviour`: the apostrophe of a plural owner, unless nothing else closes the quote.
  return /s/i.test(before) && /^\s\p{Ll}/u.test(text.slice(i + 1, i + 3)) ? 'weak' : 'close';
}

function trimmedSpan(text: string, open: number, closeMark: number): QuoteSpan | undefined {
  let start = open + 1;
  let end = closeMark;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start || !LETTER.test(text.slice(start, end))) return undefined;
  return { open, close: closeMark + 1, start, end };
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => LETTER.test(w)).length;
/** How many words a term quoted inside a quote may have (`the "denuclearization-first" approach`). */
const MAX_NESTED_TERM_WORDS = 6;
/** How many words may introduce a quote inside a quote (`I said, "…`, `Ia melanjutkan, “…`). */
const MAX_NESTED_INTRO_WORDS = 4;

/**
 * An opening mark inside an open quote starts a quote within it where its close is followed at once by the outer
 * close (`people said, "This is …,"" Mr. Fleiss told me`), where the speaker introduces someone's words in a few
 * words or in the quote's first sentence (`And I did. I said, "Tashi …`), or around a short term (`the "denuclearization-first" approach`); elsewhere
 * it means the open quote was never closed (`… celebrating. Mr Goldsmith told The Sunday Telegraph: "…`). After one
 * quote nested in it has closed, the open quote more likely ended there, so a short term is not enough.
 */
function opensNested(text: string, outer: Open, marks: Mark[], k: number): boolean {
  const at = marks[k].at;
  let c = k + 1;
  while (c < marks.length && marks[c].role === 'open') c++;
  const close = marks[c];
  const next = marks[c + 1];
  if (close && next && next.role !== 'open' && /^[\s.,;:!?…]*$/.test(text.slice(close.at + 1, next.at))) return true;
  const inside = text.slice(outer.at + 1, at);
  const sentences = inside.split(/[.!?…]\s+/);
  if (/[,:]\s*$/.test(inside) && (sentences.length === 1 || wordCount(sentences.at(-1)!) <= MAX_NESTED_INTRO_WORDS)) return true;
  if (outer.innerClose !== undefined || close === undefined) return false;
  // A term, not a sentence of its own (`"We still have much to learn."` opens a new quote).
  const inner = text.slice(at + 1, close.at).trim();
  return wordCount(inner) <= MAX_NESTED_TERM_WORDS && !/^\p{Lu}.*[.!?]$/u.test(inner);
}

/** `…, bukan begitu, "cô nói.`: a mark after a clause's end and before a lower-case word closes the open quote. */
const misplacedClose = (text: string, at: number) => /[,.!?…]\s$/.test(text.slice(at - 2, at)) && /^\p{Ll}/u.test(text.slice(at + 1, at + 2));

interface Open {
  at: number;
  /** The quote nested in this one was closed by the mark at this offset (it may have been this one's close). */
  innerClose?: number;
}

/**
 * The quoted spans of one paragraph [from, to), from its marks of one kind. Nested quotes are part of their outer
 * quote, not spans of their own.
 */
function pairMarks(text: string, marks: Mark[], to: number, reopenedAfter: boolean, maxChars: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: Open[] = [];
  // Per mark: whether a mark after it closes for certain (not a weak close).
  const closesLater = new Array<boolean>(marks.length + 1).fill(false);
  for (let k = marks.length - 1; k >= 0; k--) closesLater[k] = closesLater[k + 1] || (k + 1 < marks.length && !marks[k + 1].weak && marks[k + 1].role !== 'open');
  for (let k = 0; k < marks.length; k++) {
    const { at, weak } = marks[k];
    let role = marks[k].role;
    const top = stack.at(-1);
    if (weak && (!top || closesLater[k])) continue;
    if (role === 'open' && top && stack.length === 1 && misplacedClose(text, at)) role = 'close';
    if (role === 'open' || (role === 'either' && !top)) {
      if (!top) stack.push({ at });
      else if (stack.length === 1 && opensNested(text, top, marks, k)) {
        top.innerClose = undefined;
        stack.push({ at });
      } else {
        settleUnclosed(text, stack, spans, maxChars);
        stack.push({ at });
      }
    } else if (top) {
      stack.pop();
      const outer = stack.at(-1);
      if (outer) outer.innerClose = at;
      else emit(text, top.at, at, spans, maxChars);
    }
  }
  // A quote still open at the end of a paragraph that the next one reopens runs on across paragraphs: its words up
  // to the paragraph end are the quote.
  if (stack.length === 1 && stack[0].innerClose === undefined && reopenedAfter) {
    const span = trimmedSpan(text, stack[0].at, to);
    if (span && to - span.start <= maxChars) spans.push({ ...span, close: span.end });
    stack.pop();
  }
  settleUnclosed(text, stack, spans, maxChars);
  return spans;
}

function emit(text: string, open: number, close: number, spans: QuoteSpan[], maxChars: number): void {
  if (close - open > maxChars) return;
  const span = trimmedSpan(text, open, close);
  if (span) spans.push(span);
}

/** Quotes still open: one whose nested quote never closed ends where that quote was taken to close. */
function settleUnclosed(text: string, stack: Open[], spans: QuoteSpan[], maxChars: number): void {
  while (stack.length) {
    const outer = stack.pop()!;
    if (outer.innerClose !== undefined && !stack.length) emit(text, outer.at, outer.innerClose, spans, maxChars);
  }
}

function doubleMarks(text: string, offsets: number[], from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (const at of offsets) {
    const role = doubleRole(text, at, from, to);
    if (role) marks.push({ at, role });
  }
  return marks;
}

function singleMarks(text: string, offsets: number[], from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (const at of offsets) {
    const role = singleRole(text, at, from, to);
    if (role) marks.push(role === 'weak' ? { at, role: 'close', weak: true } : { at, role });
  }
  return marks;
}

/** The offsets of one kind of mark, found in one pass over the article and read range by range in order. */
class MarkOffsets {
  private readonly offsets: number[];
  private cursor = 0;

  constructor(text: string, marks: RegExp) {
    this.offsets = Array.from(text.matchAll(marks), (m) => m.index);
  }

  /** Offsets in [from, to); ranges must be asked for in increasing order. */
  in(from: number, to: number): number[] {
    while (this.cursor < this.offsets.length && this.offsets[this.cursor] < from) this.cursor++;
    const start = this.cursor;
    while (this.cursor < this.offsets.length && this.offsets[this.cursor] < to) this.cursor++;
    return this.offsets.slice(start, this.cursor);
  }
}

/** Whether the paragraph starting at `at` opens with a quotation mark (a quote running on from the one before). */
function opensWithQuote(text: string, at: number): boolean {
  return /^\s*["“”„«]/.test(text.slice(at, at + 8));
}

export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const doubleOffsets = new MarkOffsets(text, DOUBLE_MARK);
  const singleOffsets = new MarkOffsets(text, SINGLE_MARK);
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const doubles = pairMarks(text, doubleMarks(text, doubleOffsets.in(lineStart, lineEnd), lineStart, lineEnd), lineEnd, opensWithQuote(text, lineEnd + 1), MAX_QUOTE_CHARS);
    // Single-quoted spans count only outside double-quoted ones (inside, they are quotes within a quote).
    let gapStart = lineStart;
    for (let d = 0; d <= doubles.length; d++) {
      const gapEnd = d < doubles.length ? doubles[d].open : lineEnd;
      const offsets = singleOffsets.in(gapStart, gapEnd);
      if (offsets.length >= 2) {
        for (const single of pairMarks(text, singleMarks(text, offsets, gapStart, gapEnd), gapEnd, false, MAX_SINGLE_QUOTE_CHARS)) {
          if (/\s/.test(text.slice(single.start, single.end))) spans.push(single);
        }
      }
      if (d < doubles.length) gapStart = doubles[d].close;
    }
    spans.push(...doubles);
    lineStart = lineEnd + 1;
  }
  return spans.sort((a, b) => a.open - b.open);
}
