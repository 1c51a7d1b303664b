/** Word tokens with offsets into the original text; everything between two tokens is their separator. */
export interface Token {
  text: string;
  /** Lower case, NFC, typographic apostrophe unified: what lexicons are matched against. */
  key: string;
  start: number;
  end: number;
  capitalized: boolean;
}

// A word may carry combining marks (NFD input) and inner apostrophes or hyphens: l'intégration, a-t-il, Covid-19.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;
const UPPER_START = /^\p{Lu}/u;

const COMBINING_MARK = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

export function tokenKey(word: string, decomposed = true): string {
  const key = (decomposed ? word.normalize('NFC') : word).toLowerCase();
  return key.includes('’') ? key.replace(/’/g, "'") : key;
}

/** Tokens of `text` up to offset `until` (the whole text by default). */
export function tokenize(text: string, until = text.length): Token[] {
  const tokens: Token[] = [];
  // Normalising every word is the costliest step; only text carrying combining marks (NFD input) needs it.
  const decomposed = COMBINING_MARK.test(text);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && m.index < until; m = WORD.exec(text)) {
    const word = m[0];
    const first = word.charCodeAt(0);
    const capitalized = first < 128 ? first >= 65 && first <= 90 : UPPER_START.test(word);
    tokens.push({ text: word, key: tokenKey(word, decomposed), start: m.index, end: m.index + word.length, capitalized });
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
