import type { ArticleContext } from './context.ts';
import { clauseAfter, clauseBefore, CONFIDENCE, resolveMention, speechVerbsIn, type Attribution, type Clause } from './attribution.ts';
import { detectMentions, DETERMINERS, type Mention, type PersonRegistry } from './persons.ts';
import type { QuoteSpan } from './quote-marks.ts';

/**
 * Quote or not. Quotation marks also enclose slogans, titles, nicknames and scare-quoted terms; what sets a quotation
 * apart is a speech act someone performs next to it: a verb of saying with its speaker right after or before the
 * quote, or, for a fragment woven into a sentence, a named speaker and a verb of saying earlier in that sentence.
 */

/** Where the verb of saying may stand in the clause after a quote (`- Quyền Bộ trưởng Ngoại giao Lê Hoài Trung nhấn mạnh`). */
const AFTER_VERB_WINDOW = 10;
/** Where the speaker may stand around that verb. */
const SPEAKER_WINDOW = 8;
const MIN_FRAGMENT_WORDS = 5;
/** Four words make a fragment when they are long ones (`tidak mempertimbangkan fakta persidangan`), not syllables. */
const MIN_FRAGMENT_CHARS_AT_FOUR_WORDS = 22;

const wordsOf = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** Every word capitalised: the name of a work, a programme or an event, not speech. */
function isTitleCase(quote: string): boolean {
  const words = wordsOf(quote).filter((w) => w.length > 3);
  return words.length >= 2 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

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

const RANK: Record<Mention['kind'], number> = { name: 0, title: 1, pronoun: 1, nationality: 1, candidate: 2 };

/**
 * The mention that names the speaker near the verb: a name before a title or pronoun before a bare capitalised run,
 * which counts only right next to the verb (`Collins said`, `said Sarah Collins`). Before the verb, a pronoun right
 * next to it is its subject (`Nhắc lại lời Chủ tịch Hồ Chí Minh, ông nói`); otherwise the nearest best mention wins.
 */
function speakerNear(ctx: ArticleContext, mentions: Mention[], verb: { at: number; end: number }, side: 'before' | 'after'): Mention | undefined {
  const inParentheses = (m: Mention) => /^[^(]*\)/.test(ctx.text.slice(ctx.tokens[m.end - 1].end, ctx.tokens[Math.min(verb.at, ctx.tokens.length - 1)].start));
  const near = mentions.filter((m) => m.first <= verb.end + SPEAKER_WINDOW && m.end >= verb.at - SPEAKER_WINDOW && !inParentheses(m));
  const usable = near.filter((m) => m.kind !== 'candidate' || m.end === verb.at || m.first === verb.end);
  const byRank = (list: Mention[]) => [...list].sort((a, b) => RANK[a.kind] - RANK[b.kind]);
  if (side === 'before') {
    const preceding = usable.filter((m) => m.end <= verb.at);
    const subject = preceding.at(-1);
    if (subject?.kind === 'pronoun' && subject.end === verb.at) return subject;
    return byRank(preceding.reverse())[0] ?? byRank(usable.filter((m) => m.first >= verb.end))[0];
  }
  return byRank(usable)[0];
}

/** Adverbs that may stand between an apposition's closing comma and its verb (`…, also said`, `…, cũng cho biết`). */
const MAX_WORDS_AFTER_APPOSITION = 2;

/** Where a comma closes an apposition just before a verb of saying at `verbAt`, or undefined. */
function appositionCloseBefore(ctx: ArticleContext, verbAt: number, from: number): number | undefined {
  const { text, tokens } = ctx;
  for (let c = verbAt; c > from && c >= verbAt - MAX_WORDS_AFTER_APPOSITION; c--) {
    if (/,\s*$/.test(text.slice(tokens[c - 1].end, tokens[c].start))) return c;
    if (tokens[c - 1].capitalized) break;
  }
  return undefined;
}

/**
 * `Ông X, chuyên gia kinh tế trưởng của …, nhận định:`, `X, the long-serving head of …, said`: a verb right after a
 * comma-bounded apposition has for subject the mention before it, however long the apposition. That mention opens
 * the clause or follows a comma (a name after `gặp`, `of`, `của` sits inside a phrase), and names within the
 * apposition describe it: the first name, title or pronoun that qualifies, else the last capitalised run.
 */
function appositionHead(ctx: ArticleContext, mentions: Mention[], verbAt: number, from: number): Mention | undefined {
  const close = appositionCloseBefore(ctx, verbAt, from);
  if (close === undefined) return undefined;
  const { text, tokens } = ctx;
  let candidate: Mention | undefined;
  for (const m of mentions) {
    if (m.end >= close) break;
    if (!/^\s*,/.test(text.slice(tokens[m.end - 1].end, tokens[m.end].start))) continue;
    const start = m.first > from && DETERMINERS.has(tokens[m.first - 1].key) ? m.first - 1 : m.first;
    if (start > from && !/,\s*$/.test(text.slice(tokens[start - 1].end, tokens[start].start))) continue;
    if (m.kind !== 'candidate') return m;
    // `Meanwhile,`, `In Hanoi,`: capitalised runs are weaker evidence, the one nearest the apposition wins.
    if (m.end - m.first >= 2) candidate = m;
  }
  return candidate;
}

function attributedAfter(ctx: ArticleContext, span: QuoteSpan, registry: PersonRegistry): Attribution | undefined {
  const clause = clauseAfter(ctx, span);
  if (clause.to <= clause.from) return undefined;
  const quote = ctx.text.slice(span.start, span.end);
  const lead = ctx.text.slice(span.close, ctx.tokens[clause.from].start);
  const trailing = ctx.text.slice(span.end, span.open < span.close ? span.close - 1 : span.close);
  const closedOff = /[,.!?…]\s*$/.test(quote + trailing) || /^\s*[,\-–—:]/.test(lead);
  if (!closedOff) return undefined;
  // `"….” He added that…` starts a new sentence; only a verb within its first words still attributes the quote.
  const newSentence = /[.…]\s*$/.test(quote) && !/[-–—,]/.test(lead) && ctx.tokens[clause.from].capitalized;
  const window = newSentence ? 3 : AFTER_VERB_WINDOW;
  const verb = speechVerbsIn(ctx, clause.from, Math.min(clause.to, clause.from + window), clause.to)[0];
  if (!verb && newSentence) return undefined;
  const later = verb ? [] : speechVerbsIn(ctx, clause.from, clause.to);
  if (!verb && !later.length) return undefined;
  const mentions = detectMentions(ctx, clause.from, clause.to);
  if (!verb) {
    // `"…," Dr. Siti Nadia Tarmizi, a spokeswoman for the Health Ministry, said on Monday.`: the speaker right after
    // the quote, an apposition between commas, then the verb.
    for (const v of later) {
      const head = appositionHead(ctx, mentions, v.at, clause.from);
      if (head?.first === clause.from) return resolveMention(head, registry, span.open, true);
    }
    return undefined;
  }
  const speaker = appositionHead(ctx, mentions, verb.at, clause.from) ?? speakerNear(ctx, mentions, verb, 'after');
  return speaker ? resolveMention(speaker, registry, span.open, true) : { method: 'none', confidence: CONFIDENCE.none };
}

function attributedBefore(ctx: ArticleContext, span: QuoteSpan, registry: PersonRegistry, clause: Clause): Attribution | undefined {
  if (clause.to <= clause.from) return undefined;
  const { text, tokens, lexicon: lx } = ctx;
  const quote = text.slice(span.start, span.end);
  const gap = text.slice(tokens[clause.to - 1].end, span.open);
  const mentions = detectMentions(ctx, clause.from, clause.to);
  const verbs = speechVerbsIn(ctx, clause.from, clause.to);
  const verb = verbs.at(-1);
  let marker: number | undefined;
  for (let k = clause.from; k < clause.to && marker === undefined; k++) if (lx.sourceMarkers.match(text, tokens, k, clause.to)) marker = k;

  // `Menurut X, "…"`, `Selon X, « … »`, `Theo X, "…"`.
  if (marker !== undefined && /,\s*$/.test(gap)) {
    // `Menurutnya` is marker and speaker in one word.
    const source = mentions.find((m) => m.first >= marker! && m.kind !== 'candidate') ?? mentions.find((m) => m.first >= marker!);
    if (source) return resolveMention(source, registry, span.open, true);
  }
  const introduces = /[:,]\s*$/.test(gap) || (/^\s+$/.test(gap) && verb?.end === clause.to && /^\p{Lu}/u.test(quote));
  // `« C'est un premier pas », a reconnu Mme Giannotti, « mais … »`: the second half of an interrupted quote.
  const resumes = verb !== undefined && /,\s*$/.test(gap) && clause.from > 0 && !ctx.narrative[clause.from - 1] &&
    /["”»]\s*,?\s*$/.test(text.slice(0, tokens[clause.from].start)) &&
    mentions.some((m) => m.first >= verb.end && m.end === clause.to && m.kind !== 'candidate');
  if (resumes) return resolveMention(mentions.find((m) => m.first >= verb!.end && m.end === clause.to)!, registry, span.open, true);
  // `X said: "…"`, `X nói: "…"`, `he said, "…"`.
  if (verb && introduces && (/:\s*$/.test(gap) || verb.end >= clause.to - 1)) {
    const speaker = appositionHead(ctx, mentions, verb.at, clause.from) ?? speakerNear(ctx, mentions, verb, 'before');
    return speaker ? resolveMention(speaker, registry, span.open, true) : { method: 'none', confidence: CONFIDENCE.none };
  }
  // `Tổng Bí thư Tô Lâm: "…"` — a name and a colon stand for the verb.
  const last = mentions.at(-1);
  if (/:\s*$/.test(gap) && last && last.end === clause.to && (last.kind === 'name' || last.kind === 'title')) {
    return resolveMention(last, registry, span.open, true);
  }
  return undefined;
}

/** A fragment inside reported speech: `X stated that …, expressing the desire to "…"`. */
function attributedInSentence(ctx: ArticleContext, span: QuoteSpan, registry: PersonRegistry, clause: Clause): Attribution | undefined {
  const quote = ctx.text.slice(span.start, span.end);
  const n = wordsOf(quote).length;
  if (n < MIN_FRAGMENT_WORDS - 1 || (n < MIN_FRAGMENT_WORDS && quote.length < MIN_FRAGMENT_CHARS_AT_FOUR_WORDS)) return undefined;
  const { text, tokens, lexicon: lx } = ctx;
  // `Selon lui, les prix des batteries « vont continuer à baisser »`: the source named at the head of the sentence.
  const marker = clause.to > clause.from ? lx.sourceMarkers.match(text, tokens, clause.from, clause.to) : undefined;
  if (marker) {
    const source = detectMentions(ctx, clause.from, clause.to).find((m) => m.first >= clause.from && m.kind !== 'candidate');
    const commaAfter = source && source.end < clause.to && /^\s*,/.test(text.slice(tokens[source.end - 1].end, tokens[source.end].start));
    if (source && commaAfter && source.first <= clause.from + marker.length + 2) {
      const attribution = resolveMention(source, registry, span.open, false);
      if (attribution.speakerName) return { ...attribution, confidence: Math.min(attribution.confidence, CONFIDENCE.namedInSentence) };
    }
  }
  const verb = speechVerbsIn(ctx, clause.from, clause.to)[0];
  if (!verb) return undefined;
  const subject = detectMentions(ctx, clause.from, verb.at).filter((m) => m.kind !== 'candidate').at(-1);
  if (!subject) return undefined;
  const attribution = resolveMention(subject, registry, span.open, false);
  if (!attribution.speakerName) return undefined;
  return { ...attribution, confidence: Math.min(attribution.confidence, CONFIDENCE.namedInSentence) };
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
