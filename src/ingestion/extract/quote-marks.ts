/** Finds spans of text between quotation marks, one paragraph at a time (a quote never crosses a line break here). */

export interface QuoteSpan {
  /** Offset of the opening mark and just past the closing mark. */
  open: number;
  close: number;
  /** The quoted words, blanks inside the marks trimmed (French `« … »`). */
  start: number;
  end: number;
}

// Which closing marks end a quote opened by each opening mark.
const CLOSERS: Record<string, string> = {
  '"': '"',
  '“': '”"',
  '„': '“”',
  '«': '»',
  '”': '”', // Some outlets open with the closing mark as well.
};
const MAX_QUOTE_CHARS = 4000;
const LETTER = /[\p{L}\p{N}]/u;

function trimmedSpan(text: string, open: number, closeMark: number): QuoteSpan | undefined {
  let start = open + 1;
  let end = closeMark;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start || !LETTER.test(text.slice(start, end))) return undefined;
  return { open, close: closeMark + 1, start, end };
}

const DOUBLE_MARK = /["“”„«»]/g;
const SINGLE_MARK = /['‘’]/g;

/** Offsets of the marks of one kind, found in one pass over the article. */
function markOffsets(text: string, marks: RegExp): number[] {
  return Array.from(text.matchAll(marks), (m) => m.index!);
}

/** The offsets in [from, to) of a sorted list, from a cursor that only moves forward. */
function marksIn(offsets: number[], cursor: { at: number }, from: number, to: number): number[] {
  while (cursor.at < offsets.length && offsets[cursor.at] < from) cursor.at++;
  const start = cursor.at;
  while (cursor.at < offsets.length && offsets[cursor.at] < to) cursor.at++;
  return offsets.slice(start, cursor.at);
}

function doubleQuoteSpans(text: string, marks: number[], from: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let opener = -1;
  for (const i of marks) {
    const c = text[i];
    if (opener >= 0) {
      const closers = CLOSERS[text[opener]];
      if (closers.includes(c)) {
        const span = trimmedSpan(text, opener, i);
        if (span && i - opener <= MAX_QUOTE_CHARS) spans.push(span);
        opener = -1;
      } else if (c === text[opener] && c !== '"' && c !== '”') {
        opener = i; // An unmatched opening mark: start over from the later one.
      }
    } else if (c in CLOSERS && (c !== '”' || opensHere(text, i, from))) {
      opener = i;
    }
  }
  return spans;
}

/** A `”` opens a quote only where an opening mark would stand: after a blank or line start, before a word. */
function opensHere(text: string, i: number, lineStart: number): boolean {
  return (i === lineStart || /[\s(\[]/.test(text[i - 1])) && LETTER.test(text[i + 1] ?? '');
}

/**
 * Single quotes double as apostrophes (l'intégration, don't, Vietnam's), so a single quote opens only after a blank
 * or bracket and before a letter, and closes only after a non-blank and before a blank, punctuation or line end.
 */
function singleQuoteSpans(text: string, marks: number[], from: number, to: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let opener = -1;
  for (const i of marks) {
    const c = text[i];
    const before = i > from ? text[i - 1] : ' ';
    const after = i + 1 < to ? text[i + 1] : ' ';
    const canOpen = c !== '’' && /[\s(\[—–-]/.test(before) && LETTER.test(after);
    const canClose = c !== '‘' && !/\s/.test(before) && !LETTER.test(after);
    if (opener >= 0 && canClose) {
      const span = trimmedSpan(text, opener, i);
      if (span && span.end - span.start <= 600 && /\s/.test(text.slice(span.start, span.end))) spans.push(span);
      opener = -1;
    } else if (canOpen) {
      opener = i;
    }
  }
  return spans;
}

export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const doubleMarks = markOffsets(text, DOUBLE_MARK);
  const singleMarks = markOffsets(text, SINGLE_MARK);
  const doubleCursor = { at: 0 };
  const singleCursor = { at: 0 };
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const doubles = doubleQuoteSpans(text, marksIn(doubleMarks, doubleCursor, lineStart, lineEnd), lineStart);
    // Single-quoted spans count only outside double-quoted ones (inside, they are quotes within a quote).
    let gapStart = lineStart;
    for (const gapEnd of [...doubles.map((s) => s.open), lineEnd]) {
      spans.push(...singleQuoteSpans(text, marksIn(singleMarks, singleCursor, gapStart, gapEnd), gapStart, gapEnd));
      const inside = doubles.find((s) => s.open === gapEnd);
      if (inside) gapStart = inside.close;
    }
    spans.push(...doubles);
    lineStart = lineEnd + 1;
  }
  return spans.sort((a, b) => a.open - b.open);
}
