/**
 * What extraction needs to know about one language, as plain data. The extraction code reads only this shape,
 * so supporting a new language means writing one more profile module and registering it.
 * Words are written as the language writes them; matching is case-insensitive unless said otherwise.
 */

/** Grammatical gender a honorific or pronoun implies; `x` when it implies none. */
export type Gender = 'm' | 'f' | 'x';

export interface GenderedWord {
  word: string;
  gender: Gender;
  /**
   * For pronouns: whether they stand for people (the default), for bodies that speak (`it`, `they`, `họ`), or for
   * either (`elle` for `la Croix-Rouge`, `-nya`).
   */
  refersTo?: 'people' | 'bodies' | 'either';
}

export interface LanguageProfile {
  code: string;
  /** ISO 639-3, the code Meilisearch's tokenizer locales use. */
  iso6393: string;
  name: string;
  /** Letters no other supported language writes: a speaker's name spelled with them was said in this language. */
  distinctiveLetters?: string;
  /** Verbs and verb phrases of saying, in the forms news prose uses (`phân tích`, `ujar`, `a déclaré`, `said`). */
  speechVerbs: string[];
  /** Words that put the source before what it said, followed by the source and a comma: `Menurut X, "…"`. */
  sourceMarkers: string[];
  /** Forms of address put before a name and never part of it. A trailing `.` must be written in the text too. */
  honorifics: GenderedWord[];
  /** Heads of titles (`Bộ trưởng`, `Menteri`, `ministre`, `President`). */
  titles: string[];
  /** Words that build a title around its head: ranks, portfolios, bodies (`Quyền`, `Luar Negeri`, `Affaires`). */
  titleWords: string[];
  /**
   * Titles that name one role (`HLV`, `nhà cầm quân`, `chiến lược gia`; `sélectionneur`, `technicien`): a descriptor
   * using one points back at whoever the article gave another.
   */
  sameRoles: string[][];
  /** Lower-case function words that may sit inside a title (`des`, `of`). */
  titleConnectors: string[];
  /**
   * Words that put a people or a place of origin after them (`người Pháp`, `asal Prancis`, `d'origine`): the
   * capitalised words that follow describe someone; they are never the name of a speaker.
   */
  originMarkers: string[];
  /**
   * Nouns of nationality written capitalised before a name (`le Belge Thomas Vermeulen`, `Spaniard Carlos Alcaraz`):
   * they describe the person and are never part of the name.
   */
  demonyms: string[];
  /**
   * Capitalised nationality words are only nouns, the adjectives being written in lower case (`le Français`, `le
   * coureur français`). Otherwise one followed by a noun qualifies it (`the German team`).
   */
  demonymsAreNouns?: boolean;
  /** Definite articles (`the`, `le`, `l'`): before a nationality noun alone, they point back at someone described with it. */
  definiteArticles: string[];
  /** Endings that make a capitalised word the owner of the name after it (`France's Claire Vasseur`). */
  ownerSuffixes: string[];
  /** Words that stand for a person already mentioned. */
  pronouns: GenderedWord[];
  /** Endings that fold a pronoun into a verb (`ujar-nya`, `déclare-t-il`), and the non-speech words they may attach to. */
  cliticSuffixes: GenderedWord[];
  cliticHosts: string[];
  /** Verb prefixes after which a folded pronoun is the object (`mengatakan-nya`, said it), not who speaks (`kata-nya`). */
  objectCliticPrefixes: string[];
  /** Endings that fold who was spoken to into a verb of saying (`memberitahu-ku`, told me): the verb is still one. */
  objectSuffixes: string[];
  /** Abbreviations whose full stop does not end a sentence (`No.`, `Tn.`). */
  abbreviations: string[];
  /** Names are written family name first and always start with one of `surnames` (Vietnamese). */
  namesStartWithSurname?: boolean;
  /**
   * The shape of every native word (a Vietnamese syllable), lower case. A run of two or more capitalised words with
   * one of another shape is a foreign name (`Patrik Svensson`), which starts with no native surname.
   */
  nativeWord?: RegExp;
  /** Family names that start a person's name, used to split a name off a capitalised title (`… Luar Negeri Le Hoai Trung`). */
  surnames: string[];
  /**
   * Titles of those who speak for a body (`spokesman`, `người phát ngôn`, `juru bicara`, `porte-parole`): unnamed, the
   * speaker is the body's spokesperson as the article words it, never someone named before.
   */
  spokespersonTitles: string[];
  /** Verbs whose object is the speaker of the quote (`dẫn lời X`, `mengutip X`, `quoted X as saying`). */
  quotingVerbs: string[];
  /** Words after which a name is who was spoken to (`told X`, `kepada X`, `nói với X`, `a déclaré à X`), never the speaker. */
  addresseeMarkers: string[];
  /**
   * Words that make a name a publication's or a programme's (`Post`, `Times`, `News`), and the nouns that introduce one
   * (`tờ`, `harian`, `le journal`): a publication reports, it is never the speaker.
   */
  publicationWords: string[];
  publicationNouns: string[];
  /**
   * How the language describes someone by age (`the 24-year-old`, `berusia 24 tahun`, `24 tuổi`, `de 24 ans`), as a
   * regular expression matched at a word: like a title the article gave nobody, it stands for who the text is about.
   */
  ageDescriptor?: RegExp;
  /** Words an age description may start with besides a number (`berusia`, `âgé`, `de`). */
  ageLeadWords?: string[];
  /** Words that make a capitalised name a place's (`Ho Chi Minh City`, `Thành phố …`, `Kota …`, `île de …`). */
  placeWords: string[];
  /** Possessive determiners (`his`, `son`, `leur`): capitalised at a sentence start, never a name. */
  possessives: string[];
  /** Conjunctions opening a subordinate clause (`when`, `saat`, `khi`, `lorsque`): a name in one is not what the sentence is about. */
  subordinators: string[];
  /** Nouns of documents that speak for their authors (`the brief said`, `indique la déclaration d'intention`). */
  documentNouns: string[];
  /** Prepositions: a name governed by one is not what its sentence is about, and after a place one it is a place. */
  prepositions: string[];
  /** Prepositions of place (`in`, `di`, `ở`, `à`): the capitalised words after them name a place, not a person. */
  placePrepositions: string[];
  /**
   * Demonstratives that follow their noun (`bos Alloa Athletic ini`, `cựu HLV Alloa này`): a title and name before
   * one is a title pointing back at someone, its capitalised words the title's complement.
   */
  postposedDemonstratives: string[];
  /** Words that make a capitalised name a body's (`Party`, `Ministry`, `Đảng`, `Partai`, `ministère`), not a person's. */
  organisationWords: string[];
  /** Names of days and months, capitalised in some languages (`On Wednesday`): never a person. */
  calendarWords: string[];
  /** Words just before quote marks that make the quoted words a name, a title or a slogan rather than speech. */
  notQuoteCues: string[];
  boilerplate: {
    /** Lines that open a block of links to other articles (`TIN LIÊN QUAN`, `BERITA TERKAIT`). */
    blockHeadings: string[];
    /** Lines starting with these are not article prose (`Komentar (0)`, `Xem video`, `[iklan_2]`). */
    lineStarts: string[];
    /** Lines containing these are photo captions or credits (`- Photo :`, `Ảnh:`). */
    lineContains: string[];
  };
}
