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

const spokespersonTitles = new PhraseMatcher<true>(GENERIC_PROFILE.spokespersonTitles.map((w): [string, true] => [w, true]));

/**
 * The name a speaker goes by: a person's name without honorifics and titles (`Ông Lê Hoài Trung` → `Lê Hoài Trung`);
 * for a body's spokesperson as articles word it, the body (`Labour Party spokesman`, `Juru bicara Partai Buruh`,
 * `Người phát ngôn của Ban Quản lý Nhà tù` → `Labour Party`, `Partai Buruh`, `Ban Quản lý Nhà tù`): the spokesperson
 * speaks for it, and the versions of one statement in other languages name the body, not the spokesperson.
 */
export function canonicalSpeakerName(name: string): string {
  const text = name.normalize('NFC').trim();
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const title = spokespersonTitles.match(text, tokens, i);
    if (!title) continue;
    let body = tokens.slice(i + title.length);
    // `spokesman for the …`, `porte-parole du …`, `người phát ngôn của …`
    for (;;) {
      const connector = body.length ? connectors.match(text, body, 0) : undefined;
      if (!connector || connector.length >= body.length) break;
      body = body.slice(connector.length);
    }
    // `(A) Labour Party spokesman`: the body stands before the title, from its first capitalised word of two letters or more.
    if (!body.length) body = tokens.slice(0, i).slice(Math.max(0, tokens.slice(0, i).findIndex((t) => t.capitalized && t.text.length > 1)));
    return body.length ? text.slice(body[0].start, body.at(-1)!.end) : stripHonorifics(name);
  }
  return stripHonorifics(name);
}

/** Stable id of a speaker, equal for every spelling of the name: `Ông Lê Hoài Trung` → `le-hoai-trung`. */
export function speakerId(name: string): string {
  return slug(canonicalSpeakerName(name));
}
