/** Word tokens with offsets into the original text; everything between two tokens is their separator. */
export interface Token {
  text: string;
  /** Lower case, NFC, typographic apostrophe unified: what lexicons are matched against. */
  key: string;
  start: number;
  end: number;
  capitalized: boolean;
  /**
   * Which phrase matchers of the lexicon the text was tokenized for have a phrase starting with this key (one bit
   * each), -1 when not known: lets a matcher skip the words it cannot start on without a lookup.
   */
  starts: number;
}

// A word is `[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*`: it may carry combining marks (NFD input)
// and inner apostrophes or hyphens (l'intégration, a-t-il, Covid-19). Scanned by hand over a table of character
// classes, which costs a fraction of running that expression with its match arrays.
const OTHER = 0;
const LETTER_OR_DIGIT = 1;
const MARK = 2;
const UNKNOWN = 255;
const LN = /^[\p{L}\p{N}]$/u;
const M = /^\p{M}$/u;
const UPPER_START = /^\p{Lu}/u;
/** Classes of the BMP code units, filled in as they are met. */
const classes = new Uint8Array(0x10000).fill(UNKNOWN);

function classOf(ch: string): number {
  return LN.test(ch) ? LETTER_OR_DIGIT : M.test(ch) ? MARK : OTHER;
}

/** Class of the code point at `i`; astral ones (two code units) come back plus 4, so that `& 3` is the class. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classOf(text.slice(i, i + 2)) + 4;
  }
  let k = classes[c];
  if (k === UNKNOWN) k = classes[c] = c >= 0xd800 && c <= 0xdfff ? OTHER : classOf(text[i]);
  return k;
}

const width = (k: number) => (k & 4 ? 2 : 1);
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45; // ' ’ -

const ELIDED_BEFORE_NAME = /^(?:d|qu|D|Qu)['’](?=\p{Lu})/u;
const NAME_PARTICLE = /^(?:al|el|ad|as|ash|an|ar|az|bin|ibn|abu|ben)-\p{Lu}/u;

const COMBINING_MARK = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

export function tokenKey(word: string, decomposed = true): string {
  const key = (decomposed ? word.normalize('NFC') : word).toLowerCase();
  return key.includes('’') ? key.replace(/’/g, "'") : key;
}

/**
 * Tokens of `text` up to offset `until` (the whole text by default). `starts` maps keys to the `starts` bits of
 * the lexicon the tokens will be matched against.
 */
export function tokenize(text: string, until = text.length, starts?: Map<string, number>): Token[] {
  const tokens: Token[] = [];
  // Normalising every word is the costliest step; only text carrying combining marks (NFD input) needs it.
  const decomposed = COMBINING_MARK.test(text);
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = classAt(text, i);
    if ((k & 3) !== LETTER_OR_DIGIT) {
      i += width(k);
      continue;
    }
    const start = i;
    if (start >= until) break;
    i += width(k);
    for (;;) {
      while (i < n && ((k = classAt(text, i)) & 3) !== OTHER) i += width(k);
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && (classAt(text, i + 1) & 3) !== OTHER) {
        i++;
        continue;
      }
      break;
    }
    // `d'Ari Fleischer`, `qu'Obama`: an elided preposition or conjunction before a name is a word of its own.
    const elision = ELIDED_BEFORE_NAME.exec(text.slice(start, Math.min(i, start + 4)));
    const pieces = elision ? [start, start + elision[0].length, i] : [start, i];
    for (let p = 0; p + 1 < pieces.length; p++) {
      const word = text.slice(pieces[p], pieces[p + 1]);
      const first = word.charCodeAt(0);
      // `al-Moualem`, `el-Sisi`: a lower-case particle joined to a capitalised name is part of it.
      const capitalized = (first < 128 ? first >= 65 && first <= 90 : UPPER_START.test(word)) || NAME_PARTICLE.test(word);
      const key = tokenKey(word, decomposed);
      tokens.push({ text: word, key, start: pieces[p], end: pieces[p + 1], capitalized, starts: starts ? starts.get(key) ?? 0 : -1 });
    }
  }
  return tokens;
}

/** Whether only blanks (no punctuation, no line break) separate two offsets: the words belong to one phrase. */
export function onlySpacesBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 160) return false;
  }
  return true;
}
