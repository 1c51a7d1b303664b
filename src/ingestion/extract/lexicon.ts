import { ALL_PROFILES, LANGUAGES, languageProfile, type Gender, type LanguageProfile } from '../languages/index.ts';
import { fold } from '../../text/fold.ts';
import { GIVEN_NAMES } from '../languages/given-names.ts';
import { PLACES } from '../languages/places.ts';
import { onlySpacesBetween, tokenKey, tokenize, type Token } from './tokens.ts';

interface Phrase<T> {
  keys: string[];
  /** The phrase was written with a final full stop (`Tn.`), which the text must have too. */
  needsDot: boolean;
  value: T;
}

export interface PhraseMatch<T> {
  length: number;
  value: T;
}

const ELISION_BEFORE_LOWER = /(^|\s)((?:d|qu)['’])(\p{Ll})/gu;

/** Multi-word lexicon lookup on a token stream, longest match first. */
export class PhraseMatcher<T> {
  private readonly byFirstKey = new Map<string, Phrase<T>[]>();
  /** This matcher's bit in `Token.starts`; 0 until a lexicon assigns one. */
  bit = 0;

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      // The text splits an elision before a capital into a word of its own (`secrétaire d’|État`): the phrase
      // written in lower case (`secrétaire d’état`) is looked for that way too.
      const elisionSplit = phrase.replace(ELISION_BEFORE_LOWER, (_, space: string, elision: string, letter: string) => space + elision + letter.toUpperCase());
      const spellings = new Map([phrase, elisionSplit].map((p) => tokenize(p).map((t) => t.key)).map((keys) => [keys.join(' '), keys]));
      for (const keys of spellings.values()) {
        if (!keys.length) continue;
        const list = this.byFirstKey.get(keys[0]) ?? [];
        list.push({ keys, needsDot: phrase.trim().endsWith('.'), value });
        this.byFirstKey.set(keys[0], list);
      }
    }
    for (const list of this.byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  /** The longest phrase starting at token `i`, its words separated by blanks only, not reaching past `limit`. */
  match(text: string, tokens: Token[], i: number, limit = tokens.length): PhraseMatch<T> | undefined {
    const token = tokens[i];
    if (this.bit !== 0 && token.starts >= 0 && (token.starts & this.bit) === 0) return undefined;
    const candidates = this.byFirstKey.get(token.key);
    if (!candidates) return undefined;
    for (const phrase of candidates) {
      const n = phrase.keys.length;
      if (i + n > limit) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        ok = tokens[i + k].key === phrase.keys[k] && onlySpacesBetween(text, tokens[i + k - 1].end, tokens[i + k].start);
      }
      if (ok && phrase.needsDot && text[tokens[i + n - 1].end] !== '.') ok = false;
      if (ok) return { length: n, value: phrase.value };
    }
    return undefined;
  }

  firstKeys(): Iterable<string> {
    return this.byFirstKey.keys();
  }

  has(key: string): boolean {
    return this.byFirstKey.get(key)?.some((p) => p.keys.length === 1) ?? false;
  }
}

/** What a pronoun tells of who it stands for. */
export interface PronounSense {
  gender: Gender;
  refersTo: 'people' | 'bodies' | 'either';
}

/** A language profile turned into lookup structures, built once per language. */
export interface Lexicon {
  profile: LanguageProfile;
  speechVerbs: PhraseMatcher<true>;
  sourceMarkers: PhraseMatcher<true>;
  honorifics: PhraseMatcher<Gender>;
  titleHeads: PhraseMatcher<true>;
  titleWords: PhraseMatcher<true>;
  titleConnectors: PhraseMatcher<true>;
  /** Each title of `sameRoles`, folded, to the first of its group. */
  sameRole: Map<string, string>;
  originMarkers: PhraseMatcher<true>;
  demonyms: PhraseMatcher<true>;
  ownerSuffixes: string[];
  pronouns: PhraseMatcher<PronounSense>;
  notQuoteCues: PhraseMatcher<true>;
  quotingVerbs: PhraseMatcher<true>;
  spokespersonTitles: PhraseMatcher<true>;
  /** Places of every language (names travel): never a person's name. */
  places: PhraseMatcher<true>;
  addresseeMarkers: Set<string>;
  prepositions: Set<string>;
  placePrepositions: Set<string>;
  postposedDemonstratives: Set<string>;
  organisationWords: PhraseMatcher<true>;
  calendarWords: PhraseMatcher<true>;
  cliticSuffixes: ({ suffix: string } & PronounSense)[];
  documentNouns: PhraseMatcher<true>;
  subordinators: PhraseMatcher<true>;
  /** Publication name words of every language (names travel), folded. */
  publicationWords: Set<string>;
  publicationNouns: Set<string>;
  placeWords: PhraseMatcher<true>;
  /** Function words of the language, lower case: capitalised, only a sentence start made them so. */
  functionWords: Set<string>;
  cliticHosts: Set<string>;
  objectSuffixes: string[];
  /** Every ending a verb of saying may carry: subject clitics and object pronouns. */
  verbSuffixes: string[];
  abbreviations: Set<string>;
  definiteArticles: Set<string>;
  /** Knowledge shared by all languages: names and honorifics travel with the people, not the language. */
  surnames: Set<string>;
  /** Folded given names, with the gender they usually mark. */
  givenNames: Map<string, Gender>;
  /** The gender a word marks as a given name (`Daniel` → m), undefined when it is none; by the token's key. */
  givenName(key: string): Gender | undefined;
  /** For `tokenize`: the bits of the matchers above that have a phrase starting with a key. */
  starts: Map<string, number>;
}

const flag = (words: string[]): [string, true][] => words.map((w) => [w, true]);
const cache = new Map<string, Lexicon>();
/** Family names of every language: names travel with the people, not the language of the article. */
export const sharedSurnames = new Set(ALL_PROFILES.flatMap((p) => p.surnames.map((w) => tokenKey(w))));
const foldedKeys = new Map<string, string>();
/** A token key folded (`đức` → `duc`), memoised: fold() normalises and runs several expressions. */
export function foldedKey(key: string): string {
  let folded = foldedKeys.get(key);
  if (folded === undefined) {
    if (foldedKeys.size > 50_000) foldedKeys.clear();
    folded = fold(key);
    foldedKeys.set(key, folded);
  }
  return folded;
}
const places = new PhraseMatcher<true>(PLACES.map((p): [string, true] => [p, true]));
const givenNames = new Map<string, Gender>(
  (Object.entries(GIVEN_NAMES) as [Gender, readonly string[]][]).flatMap(([gender, names]) => names.map((n): [string, Gender] => [n, gender])),
);

export function lexiconFor(lang: string): Lexicon {
  const profile = languageProfile(lang);
  let lexicon = cache.get(profile.code);
  if (!lexicon) {
    lexicon = {
      profile,
      speechVerbs: new PhraseMatcher(flag(profile.speechVerbs)),
      sourceMarkers: new PhraseMatcher(flag(profile.sourceMarkers)),
      honorifics: new PhraseMatcher(profile.honorifics.map((h) => [h.word, h.gender])),
      titleHeads: new PhraseMatcher(flag(profile.titles)),
      titleWords: new PhraseMatcher(flag(profile.titleWords)),
      titleConnectors: new PhraseMatcher(flag(profile.titleConnectors)),
      sameRole: new Map(profile.sameRoles.flatMap((group) => group.map((t): [string, string] => [fold(t), fold(group[0])]))),
      originMarkers: new PhraseMatcher(flag(profile.originMarkers)),
      demonyms: new PhraseMatcher(flag(profile.demonyms)),
      ownerSuffixes: profile.ownerSuffixes.map((w) => tokenKey(w)),
      pronouns: new PhraseMatcher(profile.pronouns.map((p) => [p.word, { gender: p.gender, refersTo: p.refersTo ?? 'people' }])),
      notQuoteCues: new PhraseMatcher(flag(profile.notQuoteCues)),
      quotingVerbs: new PhraseMatcher(flag(profile.quotingVerbs)),
      spokespersonTitles: new PhraseMatcher(flag(profile.spokespersonTitles)),
      places,
      addresseeMarkers: new Set(profile.addresseeMarkers.map((w) => tokenKey(w))),
      prepositions: new Set(profile.prepositions.map((w) => tokenKey(w))),
      placePrepositions: new Set(profile.placePrepositions.map((w) => tokenKey(w))),
      postposedDemonstratives: new Set(profile.postposedDemonstratives.map((w) => tokenKey(w))),
      // Bodies take English names in every language (`Priorities USA`, `Alloa Athletic`, `The Hill`).
      organisationWords: new PhraseMatcher(flag([...new Set([...profile.organisationWords, ...LANGUAGES.en.organisationWords])])),
      calendarWords: new PhraseMatcher(flag(profile.calendarWords)),
      cliticSuffixes: profile.cliticSuffixes.map((c) => ({ suffix: tokenKey(c.word), gender: c.gender, refersTo: c.refersTo ?? 'people' })),
      documentNouns: new PhraseMatcher(flag(profile.documentNouns)),
      subordinators: new PhraseMatcher(flag(profile.subordinators)),
      publicationWords: new Set(ALL_PROFILES.flatMap((p) => p.publicationWords).map((w) => fold(w))),
      publicationNouns: new Set(profile.publicationNouns.map((w) => tokenKey(w))),
      placeWords: new PhraseMatcher(flag([...new Set([...profile.placeWords, ...LANGUAGES.en.placeWords])])),
      functionWords: new Set(
        [...profile.prepositions, ...profile.possessives, ...profile.subordinators, ...profile.definiteArticles, ...profile.pronouns.map((p) => p.word)]
          .filter((w) => !/\s/.test(w)).map((w) => tokenKey(w)),
      ),
      cliticHosts: new Set(profile.cliticHosts.map((w) => tokenKey(w))),
      objectSuffixes: profile.objectSuffixes.map((w) => tokenKey(w)),
      verbSuffixes: [...profile.cliticSuffixes, ...profile.objectSuffixes.map((word) => ({ word }))].map((c) => tokenKey(c.word)),
      abbreviations: new Set(profile.abbreviations.map((w) => tokenKey(w))),
      definiteArticles: new Set(profile.definiteArticles.map((w) => tokenKey(w))),
      surnames: sharedSurnames,
      givenNames,
      givenName: (key) => givenNames.get(foldedKey(key)),
      starts: new Map(),
    };
    const matchers = [lexicon.speechVerbs, lexicon.sourceMarkers, lexicon.honorifics, lexicon.titleHeads, lexicon.titleWords,
      lexicon.titleConnectors, lexicon.originMarkers, lexicon.demonyms, lexicon.pronouns, lexicon.notQuoteCues,
      lexicon.organisationWords, lexicon.calendarWords, lexicon.quotingVerbs, lexicon.spokespersonTitles, lexicon.places, lexicon.documentNouns, lexicon.subordinators, lexicon.placeWords];
    matchers.forEach((matcher, n) => {
      matcher.bit = 1 << n;
      for (const key of matcher.firstKeys()) lexicon!.starts.set(key, (lexicon!.starts.get(key) ?? 0) | matcher.bit);
    });
    cache.set(profile.code, lexicon);
  }
  return lexicon;
}
