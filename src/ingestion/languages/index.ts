import type { LanguageProfile } from './profile.ts';
import { vi } from './vi.ts';
import { id } from './id.ts';
import { fr } from './fr.ts';
import { en } from './en.ts';
import { generic } from './generic.ts';

export type { LanguageProfile, Gender, GenderedWord } from './profile.ts';

export const SUPPORTED_LANGUAGES = ['vi', 'id', 'fr', 'en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** First-class languages by ISO 639-1 code. */
export const LANGUAGES: Readonly<Record<SupportedLanguage, LanguageProfile>> = { vi, id, fr, en };

function mergeProfiles(base: LanguageProfile, others: LanguageProfile[]): LanguageProfile {
  const all = [base, ...others];
  const union = <T>(pick: (p: LanguageProfile) => T[]): T[] => [...new Set(all.flatMap(pick))];
  return {
    ...base,
    speechVerbs: union((p) => p.speechVerbs),
    sourceMarkers: union((p) => p.sourceMarkers),
    honorifics: union((p) => p.honorifics),
    titles: union((p) => p.titles),
    titleWords: union((p) => p.titleWords),
    titleConnectors: union((p) => p.titleConnectors),
    sameRoles: union((p) => p.sameRoles),
    originMarkers: union((p) => p.originMarkers),
    demonyms: union((p) => p.demonyms),
    definiteArticles: union((p) => p.definiteArticles),
    ownerSuffixes: union((p) => p.ownerSuffixes),
    // Pronouns and clitics are ambiguous across languages (`il`, `dia`, `-nya`), so only the generic ones apply.
    pronouns: base.pronouns,
    cliticSuffixes: base.cliticSuffixes,
    cliticHosts: base.cliticHosts,
    objectCliticPrefixes: base.objectCliticPrefixes,
    objectSuffixes: base.objectSuffixes,
    abbreviations: union((p) => p.abbreviations),
    surnames: union((p) => p.surnames),
    spokespersonTitles: union((p) => p.spokespersonTitles),
    quotingVerbs: union((p) => p.quotingVerbs),
    addresseeMarkers: union((p) => p.addresseeMarkers),
    publicationWords: union((p) => p.publicationWords),
    publicationNouns: union((p) => p.publicationNouns),
    placeWords: union((p) => p.placeWords),
    possessives: union((p) => p.possessives),
    subordinators: union((p) => p.subordinators),
    documentNouns: union((p) => p.documentNouns),
    prepositions: union((p) => p.prepositions),
    placePrepositions: union((p) => p.placePrepositions),
    postposedDemonstratives: union((p) => p.postposedDemonstratives),
    organisationWords: union((p) => p.organisationWords),
    calendarWords: union((p) => p.calendarWords),
    notQuoteCues: union((p) => p.notQuoteCues),
    boilerplate: {
      blockHeadings: union((p) => p.boilerplate.blockHeadings),
      lineStarts: union((p) => p.boilerplate.lineStarts),
      lineContains: union((p) => p.boilerplate.lineContains),
    },
  };
}

/** The rules for any language outside the first-class ones (`und` included). */
export const GENERIC_PROFILE: LanguageProfile = mergeProfiles(generic, Object.values(LANGUAGES));

export function isSupportedLanguage(lang: string): lang is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang);
}

/** The profile extraction uses for `lang`: its own when first-class, the generic one otherwise. */
export function languageProfile(lang: string): LanguageProfile {
  const code = lang.toLowerCase().split(/[-_]/)[0];
  return isSupportedLanguage(code) ? LANGUAGES[code] : GENERIC_PROFILE;
}

/** Every profile, for knowledge that does not depend on the article's language (honorifics, boilerplate, surnames). */
export const ALL_PROFILES: readonly LanguageProfile[] = [...Object.values(LANGUAGES), generic];

/** The language a speaker most likely spoke, when the spelling of the name tells (`Lê Hoài Trung` → vi). */
export function speakerLanguage(name: string): string | undefined {
  const letters = name.normalize('NFC').toLowerCase();
  return Object.values(LANGUAGES).find((p) => p.distinctiveLetters && [...letters].some((c) => p.distinctiveLetters!.includes(c)))?.code;
}

/** The honorifics of every language as words, without the full stop an abbreviation may carry (`Dr.` → `Dr`). */
export const HONORIFIC_WORDS: readonly string[] = [...new Set(GENERIC_PROFILE.honorifics.map((h) => h.word.replace(/\.$/, '')))];
