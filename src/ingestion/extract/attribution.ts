import type { AttributionMethod } from '../types.ts';
import { isCommonWord, sentenceBreakBefore, tokenIndexAt, type ArticleContext } from './context.ts';
import { detectMentions, DETERMINERS, type Mention } from './persons.ts';
import { nameWords, PersonRegistry, type Person } from './people.ts';
import { foldedKey, sharedSurnames } from './lexicon.ts';
import { fold } from '../../text/fold.ts';
import type { QuoteSpan } from './quote-marks.ts';
import { onlySpacesBetween } from './tokens.ts';

/** Who said a quote, and how sure we are. Confidence falls with each step of inference (name > title > pronoun > none). */
export interface Attribution {
  speakerName?: string;
  role?: string;
  method: AttributionMethod;
  confidence: number;
  /** Who the article says it is, when resolved to someone it refers to. */
  person?: Person;
  /** The clause names a source that is no speaker (a place, a publication, the rest of a body's name): nobody else's quote either. */
  unservedSource?: boolean;
}

export const CONFIDENCE = {
  namedAdjacent: 0.95,
  namedLoosely: 0.85,
  namedInSentence: 0.75,
  title: 0.8,
  pronoun: 0.65,
  continued: 0.6,
  none: 0.15,
} as const;

/** Tokens [from, to) of the narration next to a quote, within its sentence. */
export interface Clause {
  from: number;
  to: number;
}

const MAX_CLAUSE_TOKENS = 40;

export function clauseAfter(ctx: ArticleContext, span: QuoteSpan): Clause {
  const from = tokenIndexAt(ctx, span.close);
  let to = from;
  if (from < ctx.tokens.length && !/[\n.!?…]/.test(ctx.text.slice(span.close, ctx.tokens[from].start))) {
    while (to < ctx.tokens.length && ctx.narrative[to] && to - from < MAX_CLAUSE_TOKENS && (to === from || !sentenceBreakBefore(ctx, to))) to++;
  }
  return { from, to };
}

export function clauseBefore(ctx: ArticleContext, span: QuoteSpan): Clause {
  const to = tokenIndexAt(ctx, span.open);
  let from = to;
  // `… told me. "I thought …`: a quote that opens a sentence has no clause before it.
  if (to > 0 && !/\n|[.!?…]["”»’)]*\s/.test(ctx.text.slice(ctx.tokens[to - 1].end, span.open))) {
    while (from > 0 && ctx.narrative[from - 1] && to - from < MAX_CLAUSE_TOKENS && (from === to || !sentenceBreakBefore(ctx, from))) from--;
  }
  return { from, to };
}

/**
 * Token index where a speech verb (or a verb carrying its speaker, `ujarnya`) starts, searching starts in [from, to);
 * a verb may run on to `limit` (`… Trần Minh Quân cho | biết` at the edge of a window).
 */
export function speechVerbsIn(ctx: ArticleContext, from: number, to: number, limit = to): { at: number; end: number }[] {
  const found: { at: number; end: number }[] = [];
  const { lexicon: lx, text, tokens } = ctx;
  for (let k = from; k < to; k++) {
    // A capitalised word inside a sentence is a name (`The United States`), not a verb; quoted words are not narration.
    if (!ctx.narrative[k] || (tokens[k].capitalized && k > 0 && ctx.sentence[k] === ctx.sentence[k - 1] && ctx.narrative[k - 1])) continue;
    const verb = lx.speechVerbs.match(text, tokens, k, limit);
    if (verb) {
      found.push({ at: k, end: k + verb.length });
      k += verb.length - 1;
      continue;
    }
    const key = tokens[k].key;
    // `ujarnya` (said he), `memberitahuku` (told me): a verb of saying with a pronoun folded in.
    if (lx.verbSuffixes.some((suffix) => key.length > suffix.length && key.endsWith(suffix) && lx.speechVerbs.has(key.slice(0, -suffix.length).replace(/-$/, '')))) {
      found.push({ at: k, end: k + 1 });
    }
  }
  return found;
}

const FOLDED_SURNAMES = new Set([...sharedSurnames].map((w) => fold(w)));

/** Tokens of a name that only sentence position capitalised (`Meanwhile`, `The`), or a day or month: never a name. */
function commonWordsIn(ctx: ArticleContext, m: Mention): number {
  const { tokens, text, lexicon } = ctx;
  let k = m.first;
  if (!m.titled && (k === 0 || ctx.sentence[k] !== ctx.sentence[k - 1] || !ctx.narrative[k - 1])) {
    // `Le Hoai Trung` keeps its family name, however often the article writes `le`.
    while (k < m.end && isCommonWord(ctx, tokens[k].key) && !(k < m.end - 1 && FOLDED_SURNAMES.has(foldedKey(tokens[k].key)))) k++;
  }
  const calendar = k < m.end ? lexicon.calendarWords.match(text, tokens, k, m.end) : undefined;
  return calendar && k + calendar.length === m.end ? m.end - m.first : k - m.first;
}

const AGE_APPOSITION = /^\s*(?:,\s*\d{1,3}\s*,|\(\s*\d{1,3}\s*\))/;
const DESCRIBED_APPOSITION = /^\s*,\s*(?:a|an|the|un|une|le|la|l'|seorang|sang|một|người|vị)\s/iu;

/** The name a mention gives, without the words only sentence position capitalised and an owner's ending; empty if nothing is left. */
function cleanName(ctx: ArticleContext, m: Mention): string {
  const common = commonWordsIn(ctx, m);
  if (common >= m.end - m.first) return '';
  return withoutOwnerSuffix(common ? ctx.text.slice(ctx.tokens[m.first + common].start, ctx.tokens[m.end - 1].end) : m.name!);
}

/** What one mention says about whether a name is a person's: titles, a given name, an age or a description after it. */
function personhoodOf(ctx: ArticleContext, m: Mention, name: string): number {
  const { tokens, text, lexicon } = ctx;
  const words = nameWords(name);
  // Only the name's own words: a title before it may name a body (`Thứ trưởng Bộ Tài chính X`).
  const nameStart = nameStartOf(ctx, m, name);
  let evidence = m.titled ? 2 : 0;
  if (words.length >= 2 && lexicon.givenNames.has(words[0])) evidence += 1.5;
  if (m.kind === 'name' && !m.titled) evidence += 0.5;
  if (words.length > MAX_PERSON_NAME_WORDS) evidence -= 2;
  const after = text.slice(tokens[m.end - 1].end, tokens[m.end - 1].end + 40);
  const apposedAge = /^\s*,\s*/.exec(after);
  if (AGE_APPOSITION.test(after) || (apposedAge && lexicon.profile.ageDescriptor?.test(after.slice(apposedAge[0].length)))) evidence += 2;
  else if (DESCRIBED_APPOSITION.test(after)) evidence += 1;
  if (!m.titled && m.first > 0) {
    // People take no article (`the Los Angeles Lakers`), are not spoken to in a speaker's slot, nor found in a place.
    const previous = tokens[m.first - 1].key;
    if (DETERMINERS.has(previous)) evidence -= 2;
    if (lexicon.placePrepositions.has(previous)) evidence -= 1;
    if (lexicon.addresseeMarkers.has(previous)) evidence -= 1;
  }
  // `Alloa Athletic boss`: a name right before a title qualifies it.
  if (m.end < tokens.length && !tokens[m.end].capitalized && onlySpacesBetween(text, tokens[m.end - 1].end, tokens[m.end].start) &&
    lexicon.titleHeads.match(text, tokens, m.end)) evidence -= 2;
  // `Partai Hijau`, `Dana Moneter Internasional`, but not `Dana Whitlow`: a given name opening a name is no body's word.
  const bodyFrom = words.length >= 2 && lexicon.givenNames.has(words[0]) ? nameStart + 1 : nameStart;
  for (let k = bodyFrom; k < m.end; k++) if (lexicon.organisationWords.match(text, tokens, k, m.end)) evidence -= 3;
  const place = lexicon.places.match(text, tokens, nameStart, m.end);
  if (place && nameStart + place.length === m.end) evidence -= 3;
  if (words.some((w) => lexicon.publicationWords.has(w))) evidence -= 3;
  return evidence;
}

/** A person's name has at most this many words; a longer capitalised run is a title, a body or a headline. */
const MAX_PERSON_NAME_WORDS = 4;

/** A name with the owner's ending it may carry in the text (`Ross's predecessors`) removed. */
const withoutOwnerSuffix = (name: string) => name.replace(/['’]s$/u, '');

function hasComma(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 44) return true;
  return false;
}

/**
 * Per token, 1 inside a subordinate clause (`Pada 1987, saat Tuan Hart …, Nona Schroeder …`): from a subordinating
 * conjunction to the next comma or sentence end. The sentence is not about who is named there.
 */
function subordinateClauses(ctx: ArticleContext): Uint8Array {
  const { tokens, text, lexicon } = ctx;
  const inside = new Uint8Array(tokens.length);
  let open = false;
  for (let k = 0; k < tokens.length; k++) {
    if (k > 0 && (ctx.sentence[k] !== ctx.sentence[k - 1] || hasComma(text, tokens[k - 1].end, tokens[k].start))) open = false;
    if (!open && !tokens[k].capitalized && lexicon.subordinators.match(text, tokens, k)) open = true;
    if (open) inside[k] = 1;
  }
  return inside;
}

type NarratedMention = Mention & { name?: string; subject: boolean; speaking?: boolean };

/** How far before its verb of saying a subject may stand (`Furyk, who …, said`). */
const SPEAKER_BEFORE_VERB = 12;

/**
 * Marks the subjects of the verbs of saying in narration (`… though Furyk said his presence …`): who a sentence
 * reports speaking is who a pronoun after it most likely stands for, more than the sentence's first name.
 */
function markSpeakers(ctx: ArticleContext, mentions: NarratedMention[]): void {
  const { tokens, lexicon } = ctx;
  let m = 0;
  for (let from = 0; from < tokens.length; ) {
    if (!ctx.narrative[from]) {
      from++;
      continue;
    }
    let to = from;
    while (to < tokens.length && ctx.narrative[to]) to++;
    for (const verb of speechVerbsIn(ctx, from, to)) {
      while (m < mentions.length && mentions[m].end <= verb.at - SPEAKER_BEFORE_VERB) m++;
      let clitic: NarratedMention | undefined;
      for (let j = m; !clitic && j < mentions.length && mentions[j].first < verb.end; j++) {
        if (mentions[j].kind === 'pronoun' && mentions[j].first >= verb.at && mentions[j].end <= verb.end) clitic = mentions[j];
      }
      const before: NarratedMention[] = [];
      for (let j = m; j < mentions.length && mentions[j].end <= verb.at; j++) {
        const x = mentions[j];
        if (x.first >= from && ctx.sentence[x.first] === ctx.sentence[verb.at] && !(x.first > 0 && lexicon.addresseeMarkers.has(tokens[x.first - 1].key))) before.push(x);
      }
      // Right before the verb (`… though Furyk said`), else the head of an apposition (`X, who …, said`).
      const adjacent = before.filter((x) => verb.at - x.end <= 2 && !/,/.test(ctx.text.slice(tokens[x.end - 1].end, tokens[verb.at].start))).at(-1);
      // Verb first (`Kata Pak Adam`, `said Michael Steele`, `a déclaré X`): the mention right after it.
      let after: NarratedMention | undefined;
      for (let j = m; !before.length && !after && j < mentions.length && mentions[j].first <= verb.end + 3; j++) {
        if (mentions[j].first >= verb.end && ctx.sentence[mentions[j].first] === ctx.sentence[verb.at]) after = mentions[j];
      }
      const subject = clitic ?? adjacent ?? before.find((x) => x.kind !== 'candidate') ?? before[0] ?? after;
      if (subject) subject.speaking = true;
    }
    from = to;
  }
}

/**
 * People referred to in narration, in article order, so that surnames, titles and pronouns can be resolved to names:
 * first every name (so that what the whole article says about a name decides whether it is a person's), then titles,
 * nationality nouns and pronouns in order, each resolved to who it stands for at that point.
 */
export function buildRegistry(ctx: ArticleContext): PersonRegistry {
  const registry = new PersonRegistry(ctx.lexicon);
  const { tokens, lexicon } = ctx;
  const mentions: NarratedMention[] = [];
  const n = tokens.length;
  const subordinate = subordinateClauses(ctx);
  let sentenceWithSubject = -1;
  for (let from = 0; from < n; ) {
    if (!ctx.narrative[from]) {
      from++;
      continue;
    }
    let to = from;
    while (to < n && ctx.narrative[to]) to++;
    const found = detectMentions(ctx, from, to);
    ctx.mentions.push(...found);
    for (const m of found) {
      let name = m.name;
      if (m.kind === 'name' || m.kind === 'candidate') {
        name = cleanName(ctx, m);
        if (!name) continue;
      }
      const sentence = ctx.sentence[m.first];
      const governed = (m.first > 0 && lexicon.prepositions.has(tokens[m.first - 1].key)) || subordinate[m.first] === 1;
      const subject = sentence !== sentenceWithSubject && !governed;
      if (subject) sentenceWithSubject = sentence;
      mentions.push({
        kind: m.kind, first: m.first, end: m.end, name, role: m.role, apposedRole: m.apposedRole, nationality: m.nationality, gender: m.gender,
        titled: m.titled, refersTo: m.refersTo, subject,
      });
    }
    from = to;
  }
  markSpeakers(ctx, mentions);
  const at = (m: Mention & { subject: boolean; speaking?: boolean }) =>
    ({ offset: tokens[m.first].start, sentence: ctx.sentence[m.first], subject: m.subject, speaking: m.speaking });
  for (const m of mentions) {
    if (m.kind === 'name' || m.kind === 'candidate') {
      const gender = m.gender !== 'x' ? m.gender : lexicon.givenNames.get(nameWords(m.name!)[0]) ?? 'x';
      registry.note(at(m), m.name!, nameWords(m.name!).length >= 2 ? gender : 'x', personhoodOf(ctx, m, m.name!), [m.role, m.apposedRole], m.nationality, neverSpeaks(ctx, m, m.name!));
    }
  }
  for (const m of mentions) {
    const { offset, sentence } = at(m);
    const referent =
      m.kind === 'title' ? registry.holderOf(m.role!, offset)
      : m.kind === 'nationality' ? registry.describedAs(m.nationality!, offset)
      : m.kind === 'pronoun' ? registry.antecedent(offset, sentence, m.gender, undefined, m.refersTo)
      : undefined;
    if (referent) registry.touch(at(m), referent);
  }
  return registry;
}

/**
 * A place (`Bolivia`, `Korea Utara`) or a publication (`The Washington Post`, `tờ The Telegraph`, `Sportsound`) named
 * where a speaker stands: it reports or is spoken of; a quote is never theirs.
 */
function neverSpeaks(ctx: ArticleContext, mention: Mention, name: string): boolean {
  const { text, tokens, lexicon } = ctx;
  if (nameWords(name).some((w) => lexicon.publicationWords.has(w))) return true;
  const previous = mention.first > 0 && onlySpacesBetween(text, tokens[mention.first - 1].end, tokens[mention.first].start) ? mention.first - 1 : -1;
  if (previous >= 0 && lexicon.publicationNouns.has(tokens[previous].key)) return true;
  if (mention.titled) return false;
  // `Bộ Y tế`, `Sở Ngoại vụ`: the rest of a body's name after its capitalised head word, not a person.
  if (previous >= 0 && tokens[previous].capitalized && lexicon.organisationWords.match(text, tokens, previous, mention.end)?.length === 1 &&
    !lexicon.titleHeads.match(text, tokens, previous)) return true;
  const first = nameStartOf(ctx, mention, name);
  const end = mention.end;
  if (lexicon.places.match(text, tokens, first, end)?.length === end - first) return true;
  // `Ho Chi Minh City`, `Thành phố Hồ Chí Minh`, `Kota Palu`: a place word at either end of the name (but `Hồ Chí Minh`
  // starts with a family name).
  const placeFirst = lexicon.placeWords.match(text, tokens, first, end) !== undefined && !lexicon.surnames.has(tokens[first].key);
  return end - first >= 2 && (placeFirst || lexicon.placeWords.match(text, tokens, end - 1, end) !== undefined);
}

/** The token where the name a mention gives starts, past the honorific or title before it. */
function nameStartOf(ctx: ArticleContext, m: Mention, name: string): number {
  const { tokens } = ctx;
  let start = m.first;
  while (start < m.end - 1 && tokens[start].start < tokens[m.end - 1].end - name.length) start++;
  return start;
}

/** Turns the mention chosen as speaker into a name, using what the article said before the quote. */
export function resolveMention(ctx: ArticleContext, mention: Mention, registry: PersonRegistry, quoteStart: number, adjacent: boolean): Attribution {
  const sentence = ctx.sentence[Math.min(mention.first, ctx.tokens.length - 1)];
  // A title or pronoun before the quote stands for someone named before it, not later in its sentence.
  const before = Math.min(quoteStart, ctx.tokens[Math.min(mention.first, ctx.tokens.length - 1)].start);
  const found = (person: Person, method: AttributionMethod, confidence: number, role = person.role): Attribution =>
    ({ speakerName: person.name, role, method, confidence, person });
  switch (mention.kind) {
    case 'name':
    case 'candidate': {
      const name = mention.kind === 'candidate' ? cleanName(ctx, mention) : withoutOwnerSuffix(mention.name!);
      if (!name) return { method: 'none', confidence: CONFIDENCE.none };
      if (neverSpeaks(ctx, mention, name)) return { method: 'none', confidence: CONFIDENCE.none, unservedSource: true };
      const known = registry.find(name, quoteStart);
      // `Cựu HLV Alloa Athletic`: a title whose complement is a body, not a holder's name, stands for a person.
      if (known && known.personhood < 0 && mention.role) return resolveMention(ctx, { ...mention, kind: 'title' }, registry, quoteStart, adjacent);
      const confidence = mention.kind === 'name' || known ? (adjacent ? CONFIDENCE.namedAdjacent : CONFIDENCE.namedInSentence) : CONFIDENCE.namedLoosely;
      if (known && known.words.length >= name.split(/\s+/).length) return found(known, 'explicit', confidence, mention.role ?? known.role);
      return { speakerName: name, role: mention.role ?? known?.role, method: 'explicit', confidence };
    }
    case 'title': {
      const holder = registry.holderOf(mention.role!, quoteStart);
      if (holder) return found(holder, 'title', CONFIDENCE.title, mention.role);
      // `the Japanese winger said`, `a expliqué le technicien`: a title the article never gave anyone stands,
      // like a pronoun, for the person the discourse is about.
      const antecedent = registry.antecedent(before, sentence, mention.gender, registry.focus);
      return antecedent ? found(antecedent, 'title', CONFIDENCE.pronoun, mention.role) : { role: mention.role, method: 'none', confidence: CONFIDENCE.none };
    }
    case 'nationality': {
      // Unlike a title, never the last person mentioned: `le Français` is no one when nobody was described so.
      const described = registry.describedAs(mention.nationality!, quoteStart);
      return described ? found(described, 'title', CONFIDENCE.title) : { method: 'none', confidence: CONFIDENCE.none };
    }
    case 'pronoun': {
      const antecedent = registry.antecedent(before, sentence, mention.gender, registry.focus, mention.refersTo);
      return antecedent ? found(antecedent, 'pronoun', CONFIDENCE.pronoun) : { method: 'none', confidence: CONFIDENCE.none };
    }
  }
}
