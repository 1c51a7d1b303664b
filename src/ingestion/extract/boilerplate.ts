import { ALL_PROFILES } from '../languages/index.ts';

/** Parts of a page that are not the article: related-news blocks, captions, counters, video prompts, credits. */

export interface Range {
  start: number;
  end: number;
}

interface Line {
  start: number;
  end: number;
  /** Lower case, trimmed, without the table pipes some scrapers leave around cells; a long line only by its start. */
  bare: string;
  /** Longer than any caption or headline: article prose. */
  long: boolean;
}

// Markers of any language apply to every article: scraped pages mix them (an English page with `TIN LIÊN QUAN`).
const blockHeadings = ALL_PROFILES.flatMap((p) => p.boilerplate.blockHeadings);
const lineStarts = ALL_PROFILES.flatMap((p) => p.boilerplate.lineStarts);
const lineContains = ALL_PROFILES.flatMap((p) => p.boilerplate.lineContains);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A line starting with a marker followed by nothing or a non-letter (`Komentar (0)`, `Sumber:`, but not `Sumber
 * daya`), and a line containing a marker: one expression each, tried on every line instead of every marker in turn.
 * The alternation backtracks through every marker, as trying them one by one would.
 */
const LINE_START = new RegExp(`^(?:${lineStarts.map(escape).join('|')})(?!\\s*\\p{L})`, 'u');
const LINE_CONTAINS = new RegExp(lineContains.map(escape).join('|'), 'u');
/** A block heading alone on its line, or followed by a table cell or a colon. */
const HEADINGS = new Set(blockHeadings);
const HEADING_START = new RegExp(`^(?:${blockHeadings.map(escape).join('|')})(?: \\||:)`, 'u');
const HEADLINE_MAX_WORDS = 24;
const CAPTION_MAX_CHARS = 320;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const long = end - start > CAPTION_MAX_CHARS;
    const bare = text.slice(start, long ? start + 80 : end).replace(/^[\s|]+|[\s|]+$/g, '').toLowerCase();
    lines.push({ start, end, bare, long });
    start = end + 1;
  }
  return lines;
}

function isMarkerLine(line: Line): boolean {
  const { bare } = line;
  if (!bare) return false;
  if (LINE_START.test(bare)) return true;
  return !line.long && LINE_CONTAINS.test(bare);
}

function isBlockHeading(line: Line): boolean {
  return HEADINGS.has(line.bare) || HEADING_START.test(line.bare);
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Lines a related-news block is made of: links, images, separators, headlines, bylines. */
function looksLikeBlockItem(line: Line): boolean {
  const { bare } = line;
  if (line.long) return false;
  if (!bare || bare.includes('|') || bare.startsWith('![')) return true;
  return wordCount(bare) <= HEADLINE_MAX_WORDS && !/[.:;,]$/.test(bare);
}

/** A teaser paragraph sits under a lone separator or a short `Author |` line. */
function opensTeaser(text: string, line: Line): boolean {
  const raw = text.slice(line.start, line.end).trim();
  return raw === '|' || (/\|$/.test(raw) && !raw.includes('![') && wordCount(raw) <= 6);
}

export function findBoilerplate(text: string): Range[] {
  const lines = splitLines(text);
  const ranges: Range[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlockHeading(line)) {
      let last = i;
      let previous: Line | undefined;
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j];
        const item = looksLikeBlockItem(next) || (previous !== undefined && opensTeaser(text, previous)) || isMarkerLine(next);
        if (!item) break;
        last = j;
        if (next.bare) previous = next;
      }
      ranges.push({ start: line.start, end: lines[last].end });
      i = last;
    } else if (isMarkerLine(line)) {
      ranges.push({ start: line.start, end: line.end });
    }
  }
  return ranges;
}

export function insideAny(ranges: Range[], start: number, end: number): boolean {
  return ranges.some((r) => start >= r.start && end <= r.end);
}
