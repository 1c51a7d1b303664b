import { isCommonWord, type ArticleContext } from './context.ts';
import { clauseAfter, clauseBefore, CONFIDENCE, resolveMention, speechVerbsIn, type Attribution, type Clause } from './attribution.ts';
import { DETERMINERS, mentionsIn, type Mention } from './persons.ts';
import type { PersonRegistry } from './people.ts';
import type { QuoteSpan } from './quote-marks.ts';
import { onlySpacesBetween, tokenize } from './tokens.ts';

/**
 * Quote or not. Quotation marks also enclose slogans, titles, nicknames and scare-quoted terms; what sets a quotation
 * apart is a speech act someone performs next to it: a verb of saying with its speaker right after or before the
 * quote, or, for a fragment woven into a sentence, a named speaker and a verb of saying earlier in that sentence.
 */

/** Where the verb of saying may stand in the clause after a quote (`- Quyền Bộ trưởng Ngoại giao Lê Hoài Trung nhấn mạnh`). */
const AFTER_VERB_WINDOW = 10;
const MIN_FRAGMENT_WORDS = 5;
/** How far back in the narration before a quote its verb of saying may stand. */
const MAX_FRAGMENT_SENTENCE_TOKENS = 40;
/** Four words make a fragment when they are long ones (`tidak mempertimbangkan fakta persidangan`), not syllables. */
const MIN_FRAGMENT_CHARS_AT_FOUR_WORDS = 22;

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CAPITAL_FIRST = /^[\p{Lu}\p{N}]/u;
const wordsOf = (s: string) => s.split(/\s+/).filter((w) => HAS_LETTER_OR_DIGIT.test(w));

/** Every word capitalised: the name of a work, a programme or an event, not speech. */
export function isTitleCase(quote: string): boolean {
  let words = 0;
  let capitalised = 0;
  // Read word by word, stopping at the first long word in lower case: most quotes are sentences and end there.
  for (const [w] of quote.matchAll(/\S+/g)) {
    if (!HAS_LETTER_OR_DIGIT.test(w)) continue;
    words++;
    if (CAPITAL_FIRST.test(w)) capitalised++;
    else if (w.length > 3) return false;
  }
  return capitalised >= 2 && capitalised >= TITLE_CASE_SHARE * words;
}

/** The share of capitalised words from which a quote reads as the name of a work or an event. */
const TITLE_CASE_SHARE = 0.6;

function cueBeforeQuote(ctx: ArticleContext, before: Clause, span: QuoteSpan): boolean {
  const { lexicon: lx, text, tokens } = ctx;
  for (let k = Math.max(before.from, before.to - 3); k < before.to; k++) {
    if (!lx.notQuoteCues.match(text, tokens, k, before.to)) continue;
    // `a insisté sur la dimension sociale du projet : « … »`: a colon after a verb of saying makes it speech again.
    const colon = /:\s*$/.test(text.slice(tokens[before.to - 1].end, span.open));
    return !(colon && speechVerbsIn(ctx, before.from, before.to).length > 0);
  }
  return false;
}

/** Where the verb of saying may stand after a verb-initial clause's start (`said an emotional Garcia`). */
const INVERTED_SUBJECT_WINDOW = 6;

/** Mentions that can hold the speaker's slot: not who was spoken to (`told Sportsound`), not in a prepositional phrase. */
function speakerCandidates(ctx: ArticleContext, mentions: Mention[]): Mention[] {
  const { tokens, lexicon } = ctx;
  return mentions.filter((m) => {
    // A word governs the mention only next to it: not the last word of a quote before `" - bà Lan nói`.
    if (m.first === 0 || !onlySpacesBetween(ctx.text, tokens[m.first - 1].end, tokens[m.first].start)) return true;
    const previous = tokens[m.first - 1].key;
    return !lexicon.addresseeMarkers.has(previous) && !(lexicon.prepositions.has(previous) && m.kind !== 'pronoun');
  });
}

/** A mention that names someone plainly enough to be a speaker on its own: not a capitalised word that is a place or a body. */
function namesSomeone(m: Mention, registry: PersonRegistry): boolean {
  if (m.kind !== 'candidate') return true;
  const known = registry.find(m.name!);
  return known !== undefined && registry.isPerson(known);
}

/**
 * The subject of a verb of saying from the mentions of its clause. Before the verb (`X said`, `X, a senior adviser
 * for …, said`, `ông X cho biết`): the first mention that names someone, else the capitalised words right before the
 * verb. After a verb
 * that opens the clause (`said X`, `kata X`, `a déclaré X`): the first within a few words. A quoting verb (`dẫn lời X`,
 * `quoted X`) makes its object the speaker, whoever did the quoting; a verb carrying its subject (`ujarnya`,
 * `a-t-il déclaré`) names it itself.
 */
function subjectOf(ctx: ArticleContext, mentions: Mention[], verb: { at: number; end: number }, clause: Clause, registry: PersonRegistry): Mention | undefined {
  const { text, tokens, lexicon } = ctx;
  const candidates = speakerCandidates(ctx, mentions);
  for (let k = clause.from; k < clause.to; k++) {
    const quoting = lexicon.quotingVerbs.match(text, tokens, k, clause.to);
    const quoted = quoting && candidates.find((m) => m.first >= k + quoting.length);
    if (quoted) return quoted;
  }
  const clitic = candidates.find((m) => m.kind === 'pronoun' && m.first >= verb.at && m.end <= verb.end);
  if (clitic) return clitic;
  const before = candidates.filter((m) => m.end <= verb.at && m.first >= clause.from);
  if (before.length) {
    // The clause's subject comes first (`The minister … highlighted meetings between Kim and … Moon Jae-in and
    // added`); capitalised words that name no one (`District of Columbia Attorney General X`) do not count, and a
    // title or honorific right before a name is that name's (`PGS.TS Vũ Minh Đức`).
    const head = before.find((m) => namesSomeone(m, registry));
    if (head) {
      const next = before[before.indexOf(head) + 1];
      return head.kind !== 'name' && head.kind !== 'candidate' && next?.kind === 'name' && next.first - head.end <= 1 ? next : head;
    }
    return before.find((m) => m.end === verb.at) ?? before[0];
  }
  // Verb first: `"…," said Michael Steele`, `kata Menteri X`, `a déclaré le ministre …, X`.
  return candidates.find((m) => m.first >= verb.end && m.first <= verb.end + INVERTED_SUBJECT_WINDOW);
}

/**
 * The attribution a verb's subject gives. An unnamed spokesperson speaks for their body, worded as the article words
 * them (`A Labour Party spokesman`, `Người phát ngôn của Ban Quản lý Nhà tù`, `Un porte-parole de la direction de la
 * prison`): the title, the capitalised body before it and its complement up to the verb.
 */
function speakerOf(ctx: ArticleContext, speaker: Mention | undefined, verb: { at: number; end: number }, registry: PersonRegistry, span: QuoteSpan): Attribution {
  if (!speaker) return { method: 'none', confidence: CONFIDENCE.none };
  const { text, tokens, lexicon } = ctx;
  // A spokesperson with no holder, or whose complement is the body they speak for (`Juru bicara Partai Buruh`).
  const spokesperson = lexicon.spokespersonTitles.match(text, tokens, speaker.first);
  const named = speaker.kind === 'name' ? registry.find(speaker.name!) : undefined;
  // `Juru bicara Partai Hijau`: a body's word closing the title makes the word after it the rest of the body's name.
  const roleTokens = speaker.role ? tokenize(speaker.role) : [];
  const bodyInTitle = roleTokens.length > 0 && lexicon.organisationWords.match(speaker.role!, roleTokens, roleTokens.length - 1) !== undefined &&
    !/\s/.test(speaker.name ?? '');
  const forBody = named !== undefined && (!registry.isPerson(named) || bodyInTitle);
  if (spokesperson && ((speaker.kind === 'title' && !registry.holderOf(speaker.role!, span.open)) || forBody)) {
    let first = speaker.first;
    while (first > 0 && tokens[first - 1].capitalized && onlySpacesBetween(text, tokens[first - 1].end, tokens[first].start) && !DETERMINERS.has(tokens[first - 1].key)) first--;
    const end = verb.at > speaker.end && verb.at - speaker.end <= MAX_SPOKESPERSON_COMPLEMENT ? verb.at : speaker.end;
    const phrase = text.slice(tokens[first].start, tokens[end - 1].end).replace(/[\s,]+$/, '');
    return { speakerName: phrase, role: speaker.role, method: 'title', confidence: CONFIDENCE.title };
  }
  return resolveMention(ctx, speaker, registry, span.open, true);
}

/** How many words a document's noun phrase may have (`friend-of-the court brief`, `notice of intent`). */
const MAX_DOCUMENT_PHRASE = 10;

/**
 * A document speaking for its authors: `the friend-of-the court brief said`, `văn bản ngắn tập thể trình bày`,
 * `indique la déclaration d'intention`. The noun phrase that holds the verb's subject slot (the words before it, or
 * right after a verb that opens the clause), when a document noun heads it and no name is in it.
 */
function documentSpeaker(ctx: ArticleContext, clause: Clause, verb: { at: number; end: number }): Attribution | undefined {
  const { text, tokens, lexicon } = ctx;
  const bare = (from: number, to: number) => {
    while (from < to && (DETERMINERS.has(tokens[from].key) || lexicon.profile.possessives.includes(tokens[from].key))) from++;
    return from;
  };
  const documentIn = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (lexicon.documentNouns.match(text, tokens, k, to)) return k;
    return -1;
  };
  let from = -1;
  let to = -1;
  if (verb.at > clause.from) {
    // The slot before the verb starts at the clause or after its last comma.
    let start = clause.from;
    for (let k = clause.from + 1; k < verb.at; k++) if (/,/.test(text.slice(tokens[k - 1].end, tokens[k].start))) start = k;
    [from, to] = [bare(start, verb.at), verb.at];
  } else {
    // After a verb opening the clause, past a prepositional phrase (`a déclaré dans son mémoire l'amicus curiae`).
    let k = verb.end;
    while (k < clause.to && k - verb.end < MAX_DOCUMENT_PHRASE) {
      if (/[,.;:]/.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
      const doc = documentIn(k, k + 1) === k ? k : -1;
      const governed = doc > verb.end && (lexicon.prepositions.has(tokens[doc - 1].key) || (doc > verb.end + 1 && lexicon.prepositions.has(tokens[doc - 2].key) && !lexicon.documentNouns.match(text, tokens, doc - 1)));
      if (doc >= 0 && !governed) {
        from = bare(doc > verb.end && DETERMINERS.has(tokens[doc - 1].key) ? doc - 1 : doc, clause.to);
        to = from;
        while (to < clause.to && to - from < MAX_DOCUMENT_PHRASE && !/[,.;:]/.test(text.slice(tokens[to - 1]?.end ?? 0, tokens[to].start))) to++;
        break;
      }
      k++;
    }
  }
  if (from < 0 || to <= from || to - from > MAX_DOCUMENT_PHRASE || documentIn(from, to) < 0) return undefined;
  // A name in the slot is the speaker (`Paul Newman, of … analysts RSM said`), not the document.
  if (tokens.slice(from, to).some((t, i) => t.capitalized && i === 0 && !isCommonWord(ctx, t.key))) return undefined;
  const phrase = text.slice(tokens[from].start, tokens[to - 1].end);
  return { speakerName: phrase, method: 'explicit', confidence: CONFIDENCE.namedLoosely };
}

/** How many words may name the body after a spokesperson's title (`de la direction de la prison`). */
const MAX_SPOKESPERSON_COMPLEMENT = 8;

/** `"…", theo X`, `"…," according to X`, `« … », selon X`: a source marker opening the clause after the quote. */
function sourceAfter(ctx: ArticleContext, span: QuoteSpan, mentions: Mention[], clause: Clause, registry: PersonRegistry): Attribution | undefined {
  const { text, tokens, lexicon } = ctx;
  const marker = lexicon.sourceMarkers.match(text, tokens, clause.from, clause.to);
  if (!marker) return undefined;
  const source = mentions.find((m) => m.first >= clause.from + marker.length && m.first <= clause.from + marker.length + 1);
  return source && namesSomeone(source, registry) ? resolveMention(ctx, source, registry, span.open, true) : undefined;
}

/** `"…," X said`, `"…," said X`, `"…" - ông X phân tích`, `« … », a-t-il ajouté`. */
function attributedAfter(ctx: ArticleContext, span: QuoteSpan, registry: PersonRegistry): Attribution | undefined {
  const clause = clauseAfter(ctx, span);
  if (clause.to <= clause.from) return undefined;
  const { text, tokens } = ctx;
  const quote = text.slice(span.start, span.end).replace(/["“”„«»'‘’\s]+$/u, '');
  const lead = text.slice(span.close, tokens[clause.from].start);
  const trailing = text.slice(span.end, span.open < span.close ? span.close - 1 : span.close);
  const closedOff = /[,.!?…]\s*$/.test(quote + trailing) || /^\s*[,\-–—:]/.test(lead);
  // `"…." He added that…` starts a new sentence; only a verb within its first words still attributes the quote.
  const newSentence = /[.…]\s*$/.test(quote) && !/[-–—,]/.test(lead) && tokens[clause.from].capitalized;
  const mentions = mentionsIn(ctx, clause.from, clause.to);
  // `"…," Karine Jean-Pierre, a senior adviser and national spokeswoman for …, said`: an apposition of any length.
  const first = mentions[0];
  const apposition = !newSentence && first?.first === clause.from && first.end < clause.to &&
    /^\s*,/.test(text.slice(tokens[first.end - 1].end, tokens[first.end].start));
  const window = newSentence ? 3 : apposition ? clause.to - clause.from : AFTER_VERB_WINDOW;
  const verb = speechVerbsIn(ctx, clause.from, Math.min(clause.to, clause.from + window), clause.to)[0];
  // `"…, theo Brent Montgomery, giám đốc …"`, `"…," according to X`: the source after the quote.
  if (!verb && closedOff) return sourceAfter(ctx, span, mentions, clause, registry);
  if (!verb) return undefined;
  // `"…." He said: "…"`: a new sentence ending in a colon before a quote introduces that quote, not this one.
  if (newSentence && /^\s*:\s*["“”„«'‘]/.test(text.slice(tokens[clause.to - 1].end, tokens[clause.to - 1].end + 4))) return undefined;
  // Without a mark or comma closing the quote off (`"…" Fleischer viết`, `« … » a réagi Waters`), only a speaker and
  // verb that open the clause attribute it.
  if (!closedOff && !(verb.at - clause.from <= 3 && (first?.first === clause.from || verb.at === clause.from))) return undefined;
  // A new sentence opening with a verb is a participle clause (`Speaking on Radio 4, …`), not `said X`.
  if (newSentence && !mentions.some((m) => m.end <= verb.at) && !mentions.some((m) => m.kind === 'pronoun' && m.first === verb.at)) return undefined;
  return documentSpeaker(ctx, clause, verb) ?? speakerOf(ctx, subjectOf(ctx, mentions, verb, clause, registry), verb, registry, span);
}

/** `X said: "…"`, `X nói: "…"`, `Menurut X, "…"`, `Tổng Bí thư Tô Lâm: "…"`, and the second half of `"A," he said, "B"`. */
function attributedBefore(ctx: ArticleContext, span: QuoteSpan, registry: PersonRegistry, clause: Clause): Attribution | undefined {
  if (clause.to <= clause.from) return undefined;
  const { text, tokens, lexicon: lx } = ctx;
  const quote = text.slice(span.start, span.end);
  const gap = text.slice(tokens[clause.to - 1].end, span.open);
  const mentions = mentionsIn(ctx, clause.from, clause.to);
  const verb = speechVerbsIn(ctx, clause.from, clause.to).at(-1);
  let marker: number | undefined;
  for (let k = clause.from; k < clause.to && marker === undefined; k++) if (lx.sourceMarkers.match(text, tokens, k, clause.to)) marker = k;

  // `Menurut X, "…"`, `Selon X, « … »`, `Theo X, "…"`.
  if (marker !== undefined && /,\s*$/.test(gap)) {
    // `Menurutnya` is marker and speaker in one word.
    const source = mentions.find((m) => m.first >= marker! && m.kind !== 'candidate') ?? mentions.find((m) => m.first >= marker!);
    if (source) return resolveMention(ctx, source, registry, span.open, true);
  }
  const introduces = /[:,]\s*$/.test(gap) || (/^\s+$/.test(gap) && verb?.end === clause.to && /^\p{Lu}/u.test(quote));
  if (verb && introduces && (/:\s*$/.test(gap) || verb.end >= clause.to - 1 || mentions.some((m) => m.first >= verb.end && m.end === clause.to))) {
    return documentSpeaker(ctx, clause, verb) ?? speakerOf(ctx, subjectOf(ctx, mentions, verb, clause, registry), verb, registry, span);
  }
  // `Tổng Bí thư Tô Lâm: "…"`, `Rogers: "…"` — a name and a colon stand for the verb.
  const last = mentions.at(-1);
  if (/:\s*$/.test(gap) && last && last.end === clause.to && (namesSomeone(last, registry) || last.end - last.first >= 2)) {
    return resolveMention(ctx, last, registry, span.open, true);
  }
  return undefined;
}

/**
 * The subject of a verb of saying in the narration right before a quote: the quote's own sentence for a fragment of
 * reported speech (`X stated that …, expressing the desire to "…"`, `Daley said he felt "less than" everyone else
 * because "…"`), the sentence before for a quote of its own (`Lee said immigration policy could also help. "I think
 * green cards …"`), which then continues what that sentence reported.
 */
function attributedInSentence(ctx: ArticleContext, span: QuoteSpan, registry: PersonRegistry, clause: Clause): Attribution | undefined {
  const quote = ctx.text.slice(span.start, span.end);
  const n = wordsOf(quote).length;
  if (n < MIN_FRAGMENT_WORDS - 1 || (n < MIN_FRAGMENT_WORDS && quote.length < MIN_FRAGMENT_CHARS_AT_FOUR_WORDS)) return undefined;
  const { text, tokens, lexicon: lx } = ctx;
  // `Selon lui, les prix des batteries « vont continuer à baisser »`: the source named at the head of the sentence.
  const marker = clause.to > clause.from ? lx.sourceMarkers.match(text, tokens, clause.from, clause.to) : undefined;
  if (marker) {
    const source = mentionsIn(ctx, clause.from, clause.to).find((m) => m.first >= clause.from && m.kind !== 'candidate');
    const commaAfter = source && source.end < clause.to && /^\s*,/.test(text.slice(tokens[source.end - 1].end, tokens[source.end].start));
    if (source && commaAfter && source.first <= clause.from + marker.length + 2) {
      const attribution = resolveMention(ctx, source, registry, span.open, false);
      if (attribution.speakerName) return { ...attribution, confidence: Math.min(attribution.confidence, CONFIDENCE.namedInSentence) };
    }
  }
  if (clause.to === 0) return undefined;
  const sentence = ctx.sentence[clause.to - 1];
  let from = clause.to;
  while (from > 0 && ctx.sentence[from - 1] === sentence && clause.to - from < MAX_FRAGMENT_SENTENCE_TOKENS) from--;
  const verb = speechVerbsIn(ctx, from, clause.to)[0];
  if (!verb) return undefined;
  const subject = mentionsIn(ctx, from, verb.at).filter((m) => namesSomeone(m, registry)).at(-1);
  if (!subject) return undefined;
  const attribution = resolveMention(ctx, subject, registry, span.open, false);
  if (!attribution.speakerName) return undefined;
  const ownSentence = clause.to > clause.from;
  return ownSentence
    ? { ...attribution, confidence: Math.min(attribution.confidence, CONFIDENCE.namedInSentence) }
    : { ...attribution, method: 'context', confidence: Math.min(attribution.confidence, CONFIDENCE.continued) };
}

/** Words before the marks say the quoted words are a name, a title or a slogan (`the slogan "…"`), not speech. */
export function markedAsNotSpeech(ctx: ArticleContext, span: QuoteSpan): boolean {
  return cueBeforeQuote(ctx, clauseBefore(ctx, span), span);
}

/**
 * Who the sentence around a quoted span says said it: a verb of saying with its speaker after or before the quote,
 * a source marker, or a named speaker earlier in the sentence for a fragment. `method: 'none'` when a verb of saying
 * attributes the quote but its speaker could not be resolved; undefined when nothing in the sentence attributes it.
 */
export function sentenceAttribution(ctx: ArticleContext, span: QuoteSpan, registry: PersonRegistry): Attribution | undefined {
  const before = clauseBefore(ctx, span);
  const quote = ctx.text.slice(span.start, span.end);
  const after = attributedAfter(ctx, span, registry);
  if (after?.speakerName) return after;
  // Short or title-like spans are terms, names and titles unless someone is explicitly said to have said them.
  if (wordsOf(quote).length < 2 || isTitleCase(quote)) return after;
  const preceding = attributedBefore(ctx, span, registry, before);
  if (preceding?.speakerName) return preceding;
  return after ?? preceding ?? attributedInSentence(ctx, span, registry, before);
}
