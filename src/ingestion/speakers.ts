import { slug } from '../text/fold.ts';
import { GENERIC_PROFILE, HONORIFIC_WORDS } from './languages/index.ts';
import { PhraseMatcher, sharedSurnames } from './extract/lexicon.ts';
import { tokenize } from './extract/tokens.ts';

export { languageProfile } from './languages/index.ts';

// Honorifics and titles of every language: a name reaches us spelt by any outlet (`Bapak Le Hoai Trung`, `Ông Lê Hoài Trung`).
const prefixes = new PhraseMatcher<true>([...HONORIFIC_WORDS, ...GENERIC_PROFILE.titles, ...GENERIC_PROFILE.titleWords].map((w): [string, true] => [w, true]));
// `des`, `of` belong to a title only between its words (`Ministre des Affaires étrangères`); `Le`, `To` start names.
const connectors = new PhraseMatcher<true>(GENERIC_PROFILE.titleConnectors.map((w): [string, true] => [w, true]));

/** The name without the honorifics and titles in front of it; diacritics and the spelling otherwise kept. */
export function stripHonorifics(name: string): string {
  const text = name.normalize('NFC').trim();
  const tokens = tokenize(text);
  let first = 0;
  // Always keep the last word: `Bà Mai` is Mai, and a bare `Anh` may be a given name.
  while (first < tokens.length - 1) {
    const prefix = prefixes.match(text, tokens, first, tokens.length - 1);
    // `Phó Đức Lâm`: a family name that is also a title word, with no title after it, starts the name.
    const familyName = prefix?.length === 1 && sharedSurnames.has(tokens[first].key) && !prefixes.match(text, tokens, first + 1, tokens.length - 1);
    if (prefix && !familyName) {
      first += prefix.length;
      continue;
    }
    const connector = first > 0 ? connectors.match(text, tokens, first, tokens.length - 1) : undefined;
    if (!connector || !prefixes.match(text, tokens, first + connector.length, tokens.length - 1)) break;
    first += connector.length;
  }
  return tokens.length ? text.slice(tokens[first].start).replace(/[\s,.;:]+$/, '') : '';
}

/** Stable id of a speaker, equal for every spelling of the name: `Ông Lê Hoài Trung` → `le-hoai-trung`. */
export function speakerId(name: string): string {
  return slug(stripHonorifics(name));
}
