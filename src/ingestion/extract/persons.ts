import type { Gender } from '../languages/index.ts';
import { sentenceBreakBefore, type ArticleContext } from './context.ts';
import type { PronounSense } from './lexicon.ts';
import { onlySpacesBetween } from './tokens.ts';

/**
 * People as an article mentions them: by name (with honorific or title), by title alone, or by pronoun.
 * `candidate` is a capitalised run that may or may not be a person; callers decide from where it stands.
 */
export type MentionKind = 'name' | 'candidate' | 'title' | 'pronoun' | 'nationality';

export interface Mention {
  kind: MentionKind;
  /** Token range [first, end). */
  first: number;
  end: number;
  name?: string;
  role?: string;
  /** A second title, in apposition after a titled name (`Tiền vệ X, đội trưởng của …`). */
  apposedRole?: string;
  /** The nationality noun that describes a named person (`le Belge X`) or stands for one (`le Belge`). */
  nationality?: string;
  gender: Gender;
  /** A honorific or a title introduces the name: it names a person, not a place or a body. */
  titled?: boolean;
  /** For pronouns: people, bodies that speak, or either. */
  refersTo?: PronounSense['refersTo'];
}

interface NameRun {
  first: number;
  end: number;
  /** An owner or a nationality opens the run, which introduces a name as a title does. */
  described?: boolean;
  nationality?: string;
}

const MAX_NAME_WORDS = 4;
const MAX_AGE_DESCRIPTOR_CHARS = 24;
const MAX_RUN_WORDS = 7;
/** How far past a title its holder's name may come (`le ministre de l'Agriculture, Marc Fesneau`). */
const APPOSITION_WINDOW = 10;
/** Acronyms and codes (`FC`, `PSSI`, `U-23`, `U23`) name bodies and teams, never people. */
const CODE = /^(?:\p{Lu}{2,}|\p{Lu}+-?\p{N}+)$/u;
const MAX_ORGANISATION_WORDS = 4;
/** Words before a noun phrase; a person's name takes none. */
export const DETERMINERS = new Set(['a', 'an', 'the', 'le', 'la', 'les', "l'", 'un', 'une', 'sang', 'seorang', 'sebagai', 'một', 'các', 'những']);

/** Words of one phrase: blanks between them, or the full stop of an initial (`U.S. Attorney`, `N. Paranietharan`). */
function joined(ctx: ArticleContext, k: number): boolean {
  const { text, tokens } = ctx;
  if (onlySpacesBetween(text, tokens[k - 1].end, tokens[k].start)) return true;
  return /^\p{Lu}$/u.test(tokens[k - 1].text) && /^\.\s*$/.test(text.slice(tokens[k - 1].end, tokens[k].start));
}

/**
 * Lower-case particles inside names (`Luca de Meo`, `Robin van Persie`); capitalised, `Van` is a name (`Nguyen Van
 * Binh`). Not `di`/`da`: Indonesian prepositions (`Siti Rahmawati di COP30`, `di Jakarta`).
 */
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'du', 'del', 'dos', 'bin', 'binti']);
const isParticle = (token: { text: string; capitalized: boolean }) => !token.capitalized && NAME_PARTICLES.has(token.text);

function isFunctionWord(ctx: ArticleContext, i: number): boolean {
  if (ctx.functionWord[i] === 0) {
    const { lexicon: lx, text, tokens } = ctx;
    const known = lx.speechVerbs.match(text, tokens, i) || lx.sourceMarkers.match(text, tokens, i) ||
      lx.pronouns.match(text, tokens, i) || lx.honorifics.match(text, tokens, i) || lx.titleHeads.match(text, tokens, i);
    ctx.functionWord[i] = known ? 2 : 1;
  }
  return ctx.functionWord[i] === 2;
}

/** A name particle at `k` inside a run starting at `i`, joined to the capitalised word after it (and before it). */
function particleAt(ctx: ArticleContext, k: number, i: number, limit: number, allowParticle: boolean): boolean {
  const { tokens, text } = ctx;
  return isParticle(tokens[k]) && k + 1 < limit && tokens[k + 1].capitalized &&
    onlySpacesBetween(text, tokens[k].end, tokens[k + 1].start) && (k === i ? allowParticle : onlySpacesBetween(text, tokens[k - 1].end, tokens[k].start));
}

/**
 * Where the name starts in a run of capitalised words [i, end) that opens with a description of the person: an
 * owner (`France's Claire Vasseur`, `Manchester United's …`) or a nationality (`le Belge Thomas Vermeulen`).
 */
function describedNameStart(ctx: ArticleContext, i: number, end: number): { start: number; nationality?: string } {
  const { tokens, text, lexicon } = ctx;
  for (let k = end - 2; k >= i; k--) {
    if (lexicon.ownerSuffixes.some((s) => tokens[k].key.length > s.length && tokens[k].key.endsWith(s))) return { start: k + 1 };
    const demonym = lexicon.demonyms.match(text, tokens, k, end - 1);
    if (demonym) return { start: k + demonym.length, nationality: nationalityOf(ctx, k, demonym.length) };
  }
  // `Korea Selatan Moon Jae-in`, `Amerika Phil Mickelson`: a place before a full name qualifies the person.
  const place = lexicon.places.match(text, tokens, i, end);
  if (place && end - (i + place.length) >= 2) return { start: i + place.length };
  // `Olympic Tom Daley`, `Chelsea Daniel Sturridge`, `Lakers Luke Walton`: words before a full name that opens with a
  // given name describe the person (when none of them is a given name too: `Andres Manuel Lopez Obrador`).
  for (let k = i + 1; k <= end - 2 && end - k <= MAX_NAME_WORDS - 1; k++) {
    if (lexicon.givenName(tokens[k].key)) {
      const described = tokens.slice(i, k).every((t) => !lexicon.givenName(t.key));
      if (described) return { start: k };
      break;
    }
  }
  return { start: i };
}

/** Length of the elided article a word starts with (`l'Espagnol`, `l'entraîneur`), 0 if none. */
function elidedArticleLength(ctx: ArticleContext, k: number): number {
  const { key } = ctx.tokens[k];
  for (const article of ctx.lexicon.definiteArticles) {
    if (article.endsWith("'") && key.length > article.length && key.startsWith(article)) return article.length;
  }
  return 0;
}

/** The nationality a demonym names, without an elided article (`l'Espagnol` → `espagnol`). */
function nationalityOf(ctx: ArticleContext, k: number, length: number): string {
  const key = length === 1 ? ctx.tokens[k].key : ctx.tokens.slice(k, k + length).map((t) => t.key).join(' ');
  return key.slice(elidedArticleLength(ctx, k));
}

/** A run of capitalised words, trimmed to the person's name when titles, bodies, owners or nationalities precede it. */
function nameRunAt(ctx: ArticleContext, i: number, limit: number, allowParticle = false): NameRun | undefined {
  const { tokens, text, lexicon } = ctx;
  let end = i;
  while (end < limit && end - i < MAX_RUN_WORDS) {
    if (particleAt(ctx, end, i, limit, allowParticle)) {
      end++;
      continue;
    }
    // `l'Espagnol Iñigo Etxebarria`: a nationality with its elided article opens a run in lower case.
    const capital = tokens[end].capitalized || (end === i && Boolean(lexicon.demonyms.match(text, tokens, i, limit)) && /\p{Lu}/u.test(tokens[i].text));
    if (!(capital && !CODE.test(tokens[end].text) && (end === i || joined(ctx, end)) && !isFunctionWord(ctx, end))) break;
    end++;
  }
  while (end > i && isParticle(tokens[end - 1])) end--;
  // A nationality alone (`le Français a déclaré`) describes someone; it is not a name.
  if (end === i || lexicon.demonyms.match(text, tokens, i, end)?.length === end - i) return undefined;
  const description = describedNameStart(ctx, i, end);
  let first = description.start;
  const described = first > i;
  if (end - first > MAX_NAME_WORDS) {
    // `Luar Negeri Le Hoai Trung`, `Bộ Công Thương Nguyễn Hồng Diên`: the name starts at the family name.
    let k = first + 1;
    while (k < end - 1 && !lexicon.surnames.has(tokens[k].key)) k++;
    first = k < end - 1 ? k : end - 3;
  }
  // A leading title word qualifies a title; a family name that is also one (`Phó Đức Lâm`) starts the name.
  while (first < end && lexicon.titleWords.match(text, tokens, first, end) && !(first < end - 1 && lexicon.surnames.has(tokens[first].key))) first++;
  if (first >= end) return undefined;
  return { first, end: end + trailingTitleWord(ctx, i, end, limit), described, nationality: description.nationality };
}

/**
 * A title word right after name words, with no name after it, ends the name (`Rizal Hakim mengatakan`, `Paul Mayor
 * said`, `Jean Maire a déclaré`); one followed by a name introduces that name (`Cal Fire Chief Joe Tyler`). Person
 * names take no article, so after one (`the Arsenal Manager said`) the words are a body and the title stays one.
 */
function trailingTitleWord(ctx: ArticleContext, i: number, end: number, limit: number): number {
  const { tokens, text, lexicon } = ctx;
  if (end >= limit || !tokens[end].capitalized || !joined(ctx, end)) return 0;
  if (lexicon.titleHeads.match(text, tokens, end, end + 1)?.length !== 1) return 0;
  if (end + 1 < limit && tokens[end + 1].capitalized && joined(ctx, end + 1)) return 0;
  return i > 0 && DETERMINERS.has(tokens[i - 1].key) ? 0 : 1;
}

/** A title: a head (`Menteri`) with the ranks, portfolios and bodies around it (`Penjabat Menteri Luar Negeri`). */
function titleRunAt(ctx: ArticleContext, i: number, limit: number): number | undefined {
  const { tokens, text, lexicon: lx } = ctx;
  let end = i;
  let hasHead = false;
  while (end < limit) {
    if (end > i && !joined(ctx, end)) break;
    const head = lx.titleHeads.match(text, tokens, end, limit);
    const word = head ?? lx.titleWords.match(text, tokens, end, limit);
    if (word) {
      hasHead ||= Boolean(head);
      end += word.length;
      continue;
    }
    const connector = end > i ? lx.titleConnectors.match(text, tokens, end, limit) : undefined;
    const next = connector ? end + connector.length : -1;
    if (connector && next < limit && (lx.titleWords.match(text, tokens, next, limit) || lx.titleHeads.match(text, tokens, next, limit))) {
      end = next;
      continue;
    }
    break;
  }
  // `thủ quân của đội`: a connector that is also a title word (`của`, `tại`) does not end a title.
  while (end > i + 1 && lx.titleConnectors.has(tokens[end - 1].key)) end--;
  return hasHead ? end : undefined;
}

const slice = (ctx: ArticleContext, first: number, end: number) =>
  ctx.text.slice(ctx.tokens[first].start, ctx.tokens[end - 1].end);

/** The words of a title, without the elided article it may start with (`l'entraîneur` → `entraîneur`). */
const roleSlice = (ctx: ArticleContext, first: number, end: number) =>
  ctx.text.slice(ctx.tokens[first].start + elidedArticleLength(ctx, first), ctx.tokens[end - 1].end);

function precededBySpeechVerb(ctx: ArticleContext, i: number, from: number): boolean {
  for (let k = Math.max(from, i - 3); k < i; k++) {
    const verb = ctx.lexicon.speechVerbs.match(ctx.text, ctx.tokens, k, i);
    if (verb && k + verb.length === i) return true;
  }
  return false;
}

function nameMention(ctx: ArticleContext, at: number, run: NameRun, from: number, gender: Gender, role?: string): Mention {
  const { tokens, text, lexicon } = ctx;
  const words = run.end - run.first;
  const introduced = at < run.first; // by a honorific or a title
  const vietnameseShape = words >= 2 && lexicon.surnames.has(tokens[run.first].key);
  const speaks = words >= 2 && run.end < tokens.length && Boolean(lexicon.speechVerbs.match(text, tokens, run.end)) &&
    onlySpacesBetween(text, tokens[run.end - 1].end, tokens[run.end].start);
  const spoken = words >= 2 && precededBySpeechVerb(ctx, run.first, from);
  // A titled name keeps a second title set off by commas (`Tiền vệ X, đội trưởng của …`): descriptors find it by either.
  const apposedRole = introduced || words >= 2 ? titleInApposition(ctx, run.end, tokens.length) : undefined;
  // `said Cal Fire Chief Joe Tyler`: capitalised words right before a title qualify it; they are not its holder.
  const qualifiesTitle = !introduced && run.end < tokens.length && onlySpacesBetween(text, tokens[run.end - 1].end, tokens[run.end].start) &&
    Boolean(lexicon.titleHeads.match(text, tokens, run.end));
  // `Une habitante de la cité, Fatima Benali, n'a pas…`: a full name set off by commas on both sides.
  const apposed = words >= 2 && words <= 3 && run.first > from && run.end < tokens.length &&
    /,\s*$/.test(text.slice(tokens[run.first - 1].end, tokens[run.first].start)) &&
    /^\s*,/.test(text.slice(tokens[run.end - 1].end, tokens[run.end].start));
  // `Mantan bos Alloa Athletic ini mengatakan`: the title and its complement point back at someone named before.
  const demonstrative = introduced && role !== undefined && run.end < tokens.length && lexicon.postposedDemonstratives.has(tokens[run.end].key) &&
    onlySpacesBetween(text, tokens[run.end - 1].end, tokens[run.end].start);
  if (demonstrative) return { kind: 'title', first: at, end: run.end + 1, role: slice(ctx, at, run.end), gender };
  const kind = !qualifiesTitle && (introduced || vietnameseShape || speaks || spoken || apposedRole || apposed) ? 'name' : 'candidate';
  return {
    kind, first: at, end: run.end, name: slice(ctx, run.first, run.end), role: role ?? apposedRole,
    apposedRole: role && apposedRole, nationality: run.nationality, gender, titled: introduced || vietnameseShape,
  };
}

/** The words of a title without a head, as they follow a comma in a chain of titles (`…, Công nghệ và Môi trường`). */
function titleWordsAt(ctx: ArticleContext, i: number, limit: number): number {
  let end = i;
  while (end < limit) {
    if (end > i && !onlySpacesBetween(ctx.text, ctx.tokens[end - 1].end, ctx.tokens[end].start)) break;
    const word = ctx.lexicon.titleWords.match(ctx.text, ctx.tokens, end, limit) ?? (end > i ? ctx.lexicon.titleConnectors.match(ctx.text, ctx.tokens, end, limit) : undefined);
    if (!word) break;
    end += word.length;
  }
  return end;
}

/** A name after a title, trimmed to start at a family name where names must (`… TP Đà Nẵng Hồ Minh Tâm`). */
function holderNameAt(ctx: ArticleContext, k: number, limit: number, allowParticle = false): { first: number; end: number } | undefined {
  const run = nameRunAt(ctx, k, limit, allowParticle);
  const { namesStartWithSurname, nativeWord } = ctx.lexicon.profile;
  if (!run || run.first !== k || !namesStartWithSurname) return run;
  let first = run.first;
  while (first < run.end - 1 && !ctx.lexicon.surnames.has(ctx.tokens[first].key)) first++;
  if (first < run.end - 1) return { first, end: run.end };
  // `HLV Patrik Svensson`: a foreign name; `Đà Nẵng`, `Nhật Bản` are native words without a surname, places.
  const foreign = run.end - run.first >= 2 && nativeWord && ctx.tokens.slice(run.first, run.end).some((t) => !nativeWord.test(t.key));
  return foreign ? run : undefined;
}

/**
 * End of an organisation named up to an acronym or a team code right after a title, when a name follows it
 * (`pelatih Borneo FC Heru Santoso`, `Ketua Umum PSSI Erick Thohir`); title words after the code are part of it
 * (`HLV U23 Việt Nam Kim Sang-sik`).
 */
function organisationEnd(ctx: ArticleContext, i: number, limit: number): number | undefined {
  const { tokens, text, lexicon } = ctx;
  let end: number | undefined;
  for (let k = i; k < limit && k - i < MAX_ORGANISATION_WORDS; k++) {
    if (k > i && !joined(ctx, k)) break;
    if (CODE.test(tokens[k].text)) end = k + 1;
    else if (!tokens[k].capitalized || isFunctionWord(ctx, k)) break;
  }
  if (end === undefined) return undefined;
  for (let word; end < limit && joined(ctx, end) && (word = lexicon.titleWords.match(text, tokens, end, limit)); ) end += word.length;
  return end < limit && joined(ctx, end) && tokens[end].capitalized ? end : undefined;
}

/** After a title: its holder's name, directly or in apposition (`le ministre …, Le Hoai Trung`), or none. */
function titledMention(ctx: ArticleContext, i: number, titleEnd: number, limit: number, from: number): Mention {
  const { tokens, text, lexicon: lx } = ctx;
  let roleEnd = titleEnd;
  let announced = false;
  let gender: Gender = 'x';
  let complementEnd = titleEnd;
  let holderAt = titleEnd;
  for (let k = titleEnd; k < limit && k < titleEnd + APPOSITION_WINDOW; ) {
    const gap = text.slice(tokens[k - 1].end, tokens[k].start);
    const afterComma = /^\s*,\s*$/.test(gap);
    // The holder is in the title's sentence: `ujar gelandang tersebut.\n\nPelatih X` names two people.
    if (!afterComma && (!/^\.?\s+$/.test(gap) || sentenceBreakBefore(ctx, k))) break;
    if (lx.speechVerbs.match(text, tokens, k, limit)) break;
    if (afterComma) {
      // Titles chain in apposition: `le secrétaire du Comité central, ministre par intérim …, Le Hoai Trung`.
      const chained = titleRunAt(ctx, k, limit) ?? (titleWordsAt(ctx, k, limit) > k ? titleWordsAt(ctx, k, limit) : undefined);
      if (chained) {
        roleEnd = k = chained;
        announced = true;
        continue;
      }
    }
    const honorific = lx.honorifics.match(text, tokens, k, limit);
    if (honorific) {
      k += honorific.length;
      announced = true;
      gender = honorific.value;
      continue;
    }
    // Inside the title's complement (`des Armées`, `de Lao Cai`) capitalised words are places and bodies;
    // the holder's name comes right after the title, after a comma or after a honorific.
    // The organisation is part of the title; its holder comes after it.
    const organisation = k === holderAt ? organisationEnd(ctx, k, limit) : undefined;
    if (organisation) {
      roleEnd = k = holderAt = organisation;
      continue;
    }
    // `analis politik non partai Stu Rothenberg`: past the title's complement, a full name led by a given name.
    const givenNamed = tokens[k].capitalized && k + 1 < limit && tokens[k + 1].capitalized && joined(ctx, k + 1) && lx.givenName(tokens[k].key) !== undefined;
    const run = k === holderAt || afterComma || announced || givenNamed ? holderNameAt(ctx, k, limit, announced) : undefined;
    if (run) {
      // `Pelatih Thailand, Masatada Ishii`, `Menteri Luar Negeri Amerika Serikat, Mike Pompeo`: a one-word run or a place is
      // where the title holds when a full name follows in apposition.
      const next = run.end < limit && /^\s*,\s*$/.test(text.slice(tokens[run.end - 1].end, tokens[run.end].start)) ? nameRunAt(ctx, run.end, limit) : undefined;
      const place = lx.places.match(text, tokens, run.first, run.end)?.length === run.end - run.first;
      const name = (run.end - run.first === 1 || place) && next && next.first === run.end && next.end - next.first >= 2 ? next : run;
      return nameMention(ctx, i, name, from, gender, roleSlice(ctx, i, roleEnd));
    }
    if (afterComma) break; // a comma that leads to neither a title nor a name closes the title
    // `Chủ tịch UBND TP Đà Nẵng nói`: capitalised words right after the title that cannot be its holder name a place
    // or body of it; they belong to the mention, never a speaker of their own.
    const place = k === holderAt ? nameRunAt(ctx, k, limit) : undefined;
    if (place) {
      k = complementEnd = place.end;
      continue;
    }
    k++; // a complement of the title: `de l'Agriculture`, `UGM`
  }
  return { kind: 'title', first: i, end: Math.max(roleEnd, complementEnd), role: roleSlice(ctx, i, roleEnd), gender: 'x' };
}

/**
 * `Bhima Yudhistira, director of …`: a name followed by a title in apposition. Not an article, a title and a full
 * name, which name someone else (`À Nevers, le docteur Paul Lefèvre`).
 */
function titleInApposition(ctx: ArticleContext, end: number, limit: number): string | undefined {
  const { tokens, text } = ctx;
  if (end >= limit || !/^\s*,\s*$/.test(text.slice(tokens[end - 1].end, tokens[end].start))) return undefined;
  const start = end < limit - 1 && DETERMINERS.has(tokens[end].key) ? end + 1 : end;
  const titleEnd = titleRunAt(ctx, start, limit);
  if (!titleEnd) return undefined;
  const holder = start > end && titleEnd < limit ? nameRunAt(ctx, titleEnd, limit) : undefined;
  return holder && holder.first === titleEnd && holder.end - holder.first >= 2 ? undefined : roleSlice(ctx, start, titleEnd);
}

function mentionAt(ctx: ArticleContext, i: number, from: number, limit: number): Mention | undefined {
  const { tokens, text, lexicon: lx } = ctx;
  const token = tokens[i];
  for (const clitic of lx.cliticSuffixes) {
    if (!token.key.endsWith(clitic.suffix) || token.key.length === clitic.suffix.length) continue;
    const host = token.key.slice(0, -clitic.suffix.length).replace(/-$/, '');
    if (lx.profile.objectCliticPrefixes.some((prefix) => host.startsWith(prefix))) continue;
    if (lx.speechVerbs.has(host) || lx.cliticHosts.has(host)) return { kind: 'pronoun', first: i, end: i + 1, gender: clitic.gender, refersTo: clitic.refersTo };
  }
  // `The 24-year-old said`, `Pria berusia 24 tahun ini mengatakan`: an age stands for who the text is about.
  const ageLead = /^\d/.test(token.text) || (lx.profile.ageLeadWords?.includes(token.key) ?? false);
  const age = ageLead ? lx.profile.ageDescriptor?.exec(text.slice(token.start, token.start + MAX_AGE_DESCRIPTOR_CHARS)) : undefined;
  if (age) {
    let end = i + 1;
    while (end < limit && tokens[end].start < token.start + age[0].length) end++;
    // `said 23-year-old Rahm`: the age introduces a name, as a title does.
    const run = end < limit && joined(ctx, end) ? nameRunAt(ctx, end, limit, false) : undefined;
    if (run && run.first === end) return nameMention(ctx, i, run, from, 'x', age[0]);
    return { kind: 'title', first: i, end, role: age[0], gender: 'x' };
  }
  const honorific = lx.honorifics.match(text, tokens, i, limit);
  if (honorific) {
    const next = i + honorific.length;
    if (next < limit && /^\.?\s+$/.test(text.slice(tokens[next - 1].end, tokens[next].start))) {
      const titleEnd = titleRunAt(ctx, next, limit);
      if (titleEnd) {
        const titled = titledMention(ctx, next, titleEnd, limit, from);
        return { ...titled, first: i, gender: honorific.value };
      }
      const run = nameRunAt(ctx, next, limit, true);
      if (run && run.first === next) return nameMention(ctx, i, run, from, honorific.value);
    }
  }
  const titleEnd = titleRunAt(ctx, i, limit);
  if (titleEnd) return titledMention(ctx, i, titleEnd, limit, from);
  const pronoun = lx.pronouns.match(text, tokens, i, limit);
  if (pronoun) return { kind: 'pronoun', first: i, end: i + pronoun.length, gender: pronoun.value.gender, refersTo: pronoun.value.refersTo };
  // `Le Français a déclaré`: the article is no name of its own (the `Le` of `Le Hoai Trung` is).
  if (lx.definiteArticles.has(token.key) && i + 1 < limit && joined(ctx, i + 1) && lx.demonyms.match(text, tokens, i + 1, limit)) return undefined;
  const demonym = lx.demonyms.match(text, tokens, i, limit);
  const run = token.capitalized || demonym ? nameRunAt(ctx, i, limit) : undefined;
  if (run) return nameMention(ctx, run.described ? i : run.first, run, from, 'x');
  return demonym ? nationalityAt(ctx, i, demonym.length, limit) : undefined;
}

/**
 * `a ajouté le Français`, `the Frenchman added`: a nationality noun alone after a definite article stands for the
 * person the article described with it. Not `un Français` (someone new), nor an adjective (`the German team`).
 */
function nationalityAt(ctx: ArticleContext, i: number, length: number, limit: number): Mention | undefined {
  const { tokens, text, lexicon: lx } = ctx;
  if (!/\p{Lu}/u.test(tokens[i].text)) return undefined;
  const nationality = nationalityOf(ctx, i, length);
  const elided = nationality.length < tokens[i].key.length;
  if (!elided && !(i > 0 && lx.definiteArticles.has(tokens[i - 1].key) && joined(ctx, i))) return undefined;
  const next = i + length;
  const qualifies = !lx.profile.demonymsAreNouns && next < limit && joined(ctx, next) && !tokens[next].capitalized &&
    !lx.speechVerbs.match(text, tokens, next, limit);
  return qualifies ? undefined : { kind: 'nationality', first: i, end: next, nationality, gender: 'x' };
}

/** End of an origin phrase starting at `i` (`người Pháp`, `asal Korea Selatan`), or undefined. */
function originAt(ctx: ArticleContext, i: number, limit: number): number | undefined {
  const marker = ctx.lexicon.originMarkers.match(ctx.text, ctx.tokens, i, limit);
  const next = marker ? i + marker.length : limit;
  if (next >= limit || !joined(ctx, next) || !ctx.tokens[next].capitalized) return undefined;
  let end = next + 1;
  while (end < limit && ctx.tokens[end].capitalized && joined(ctx, end) && !isFunctionWord(ctx, end)) end++;
  return end;
}

/** The mentions of people inside tokens [from, to), from those found over the whole narration (`findMentions`). */
export function mentionsIn(ctx: ArticleContext, from: number, to: number): Mention[] {
  const { mentions } = ctx;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].first < from) lo = mid + 1;
    else hi = mid;
  }
  const found: Mention[] = [];
  for (let k = lo; k < mentions.length && mentions[k].first < to; k++) if (mentions[k].end <= to) found.push(mentions[k]);
  return found;
}

/** Every mention of a person in tokens [from, to), left to right. */
export function detectMentions(ctx: ArticleContext, from: number, to: number): Mention[] {
  const mentions: Mention[] = [];
  for (let i = from; i < to; ) {
    // A nationality or a place of origin describes someone and never names a speaker.
    const origin = originAt(ctx, i, to);
    if (origin) {
      i = origin;
      continue;
    }
    const mention = mentionAt(ctx, i, from, to);
    if (mention) {
      mentions.push(mention);
      i = Math.max(mention.end, i + 1);
    } else i++;
  }
  return mentions;
}
