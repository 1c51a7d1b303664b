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

export function tokenKey(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/’/g, "'");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index!;
    tokens.push({ text: m[0], key: tokenKey(m[0]), start, end: start + m[0].length, capitalized: UPPER_START.test(m[0]) });
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
