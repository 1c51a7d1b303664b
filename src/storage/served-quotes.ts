import type { UnlinkedQuote } from '../schemas/quote.ts';

/**
 * Pages of quotes read straight out of Meilisearch's answer bytes. Every quote document carries the quote as the API
 * serves it, as JSON text (QuoteDoc.quoteJson), so a page-mode search asking for that field alone answers
 * `{"hits":[{"quoteJson":"[1,{\"id\":…}]"},…],"query":…,"hitsPerPage":20,"page":1,"totalPages":…,"totalHits":…}`.
 * Each hit's string is unescaped byte by byte into the page; nothing is decoded to JavaScript strings and encoded
 * again, which (JSON.parse of the ~30 KB answer, then the page back to UTF-8) was most of the API's CPU per search.
 *
 * The text is kept as a string on purpose: Meilisearch answers a nested object ~1 ms of CPU slower per search than
 * the same content as one string. The string is `[<format>,<quote>]`: the served form's format version, so that a form
 * written by a build that served quotes otherwise is never served as if it were current. The walk below accepts
 * exactly that shape in the current format; anything else (a hit without the field, written before it existed, or of
 * another format; an escape JSON.stringify's output never needs) returns undefined, and the caller renders the page
 * from the documents instead.
 */
export const SERVED_QUOTE_FIELD = 'quoteJson';
/** Changes whenever the served form of a stored quote would change for the same document (toQuote, the Quote schema). */
export const SERVED_QUOTE_FORMAT = 1;

/** A quote's served form as stored, under SERVED_QUOTE_FIELD. */
export function storedServedForm(quote: UnlinkedQuote): string {
  return `[${SERVED_QUOTE_FORMAT},${JSON.stringify(quote)}]`;
}

const ANSWER_START = Buffer.from('{"hits":[');
const HIT_START = Buffer.from(`{"${SERVED_QUOTE_FIELD}":"[${SERVED_QUOTE_FORMAT},`);
const LANG_KEY = Buffer.from('"lang":"');
const MARKED_FALLBACK_END = Buffer.from(',"fallback":true}');
const QUOTE_MARK = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

export interface ServedQuotes {
  /** Each quote's JSON, as rendered when stored. */
  quotes: Buffer[];
  /** The exact number of matches (page mode counts exhaustively). */
  total: number;
}

/**
 * The served quotes of a page-mode search answer for `[SERVED_QUOTE_FIELD]`, or undefined when it cannot be read so.
 * The answer's bytes are reused for the quotes: it is not to be read again afterwards.
 */
export function servedQuotes(answer: Buffer): ServedQuotes | undefined {
  if (!holdsAt(answer, ANSWER_START, 0)) return undefined;
  // Unescaped in place: unescaping only shortens, so what is written never passes what is still to be read.
  const unescaped = answer;
  const quotes: Buffer[] = [];
  let at = ANSWER_START.length;
  let written = 0;
  if (answer[at] !== CLOSE_ARRAY) {
    for (;;) {
      if (!holdsAt(answer, HIT_START, at)) return undefined;
      const start = written;
      // the string's bytes up to its closing quote, unescaped
      for (at += HIT_START.length; ; ) {
        const byte = answer[at];
        if (byte === QUOTE_MARK) break;
        if (byte === BACKSLASH) {
          const escaped = answer[at + 1];
          if (escaped !== QUOTE_MARK && escaped !== BACKSLASH && escaped !== SLASH) return undefined;
          unescaped[written++] = escaped;
          at += 2;
        } else if (byte === undefined) {
          return undefined;
        } else {
          unescaped[written++] = byte;
          at++;
        }
      }
      if (written - start < 2 || unescaped[start] !== OPEN_OBJECT || unescaped[written - 1] !== CLOSE_ARRAY) return undefined;
      quotes.push(unescaped.subarray(start, written - 1));
      if (answer[at + 1] !== CLOSE_OBJECT) return undefined;
      at += 2;
      if (answer[at] === CLOSE_ARRAY) break;
      if (answer[at] !== COMMA) return undefined;
      at++;
    }
  }
  const total = exactTotal(answer.toString('utf8', at + 1));
  return total === undefined ? undefined : { quotes, total };
}

const holdsAt = (bytes: Buffer, part: Buffer, at: number) => bytes.subarray(at, at + part.length).equals(part);

/** `totalHits` from the fields after the hits (`,"query":…}`), present in page mode only. */
function exactTotal(rest: string): number | undefined {
  if (!rest.startsWith(',')) return undefined;
  try {
    const { totalHits } = JSON.parse(`{${rest.slice(1)}`) as { totalHits?: unknown };
    return typeof totalHits === 'number' ? totalHits : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A served quote as returned for `requestedLang`: its bytes, and the `fallback` mark when it is an original standing
 * in for a version missing in that language. Its first `"lang"` key is its own: it precedes the nested objects.
 */
export function servedFor(quote: Buffer, requestedLang: string | undefined): Buffer[] {
  if (!requestedLang) return [quote];
  const at = quote.indexOf(LANG_KEY);
  if (at === -1) return [quote];
  const from = at + LANG_KEY.length;
  const lang = quote.toString('utf8', from, quote.indexOf(QUOTE_MARK, from));
  return lang === requestedLang ? [quote] : [quote.subarray(0, -1), MARKED_FALLBACK_END];
}

const ID_START = Buffer.from('{"id":"');
const TRANSLATIONS_START = Buffer.from('"translations":[');
const STRING_END = Buffer.from('"');

/**
 * `,"url":"<base>`, the JSON that goes between an id and that id again in a permalink: a permalink is `base` followed
 * by the id, URL-encoded. Made once per page.
 */
export function permalinkPrefix(base: string): Buffer {
  return Buffer.from(`,"url":${JSON.stringify(base).slice(0, -1)}`);
}

/**
 * A served quote with its permalink and those of its translations, each right after that object's id (`{"id":"…",
 * "url":"…",…`): the pieces to send in order. The permalinks name the host the client addressed, so they are added
 * per request rather than stored. Structural `"` never occurs inside a JSON string (there it is `\"`), so the markers
 * below only ever match the served form's own keys; and as `translations` is its last key, every object that starts
 * after it is a translation. Markers are found by Buffer.indexOf and ids copied as bytes: decoding and encoding each
 * id, or walking the texts in JavaScript, cost more than reading the page out of the answer.
 */
export function withPermalinks(quote: Buffer, prefix: Buffer): Buffer[] {
  if (!holdsAt(quote, ID_START, 0)) return [quote];
  const parts: Buffer[] = [];
  let copied = 0;
  /** Splices the url in after the id of the object at `at`. */
  const link = (at: number) => {
    const idStart = at + ID_START.length;
    let idEnd = idStart;
    while (isUnreserved(quote[idEnd])) idEnd++;
    if (quote[idEnd] === QUOTE_MARK) {
      // Article ids are [A-Za-z0-9_-] and quote ids add a hex hash: the id's bytes are its URL-encoded form already.
      parts.push(quote.subarray(copied, idEnd + 1), prefix, quote.subarray(idStart, idEnd), STRING_END);
    } else {
      idEnd = stringEnd(quote, idStart - 1) - 1;
      const id = JSON.parse(quote.toString('utf8', idStart - 1, idEnd + 1)) as string;
      parts.push(quote.subarray(copied, idEnd + 1), prefix, Buffer.from(JSON.stringify(encodeURIComponent(id)).slice(1)));
    }
    copied = idEnd + 1;
  };
  link(0);
  const translations = quote.indexOf(TRANSLATIONS_START, copied);
  if (translations !== -1) {
    for (let at = quote.indexOf(ID_START, translations); at !== -1; at = quote.indexOf(ID_START, copied)) link(at);
  }
  parts.push(quote.subarray(copied));
  return parts;
}

/** Bytes encodeURIComponent leaves as they are and JSON needs no escape for: A–Z, a–z, 0–9, - _ . ~ */
const isUnreserved = (byte: number) =>
  (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x5f || byte === 0x2e || byte === 0x7e;

/** Just past the JSON string that opens at `at` (its closing quote included). */
function stringEnd(bytes: Buffer, at: number): number {
  let i = at + 1;
  while (i < bytes.length && bytes[i] !== QUOTE_MARK) i += bytes[i] === BACKSLASH ? 2 : 1;
  return i + 1;
}
