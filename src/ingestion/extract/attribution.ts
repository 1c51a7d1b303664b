import type { AttributionMethod } from '../types.ts';
import { sentenceBreakBefore, tokenIndexAt, type ArticleContext } from './context.ts';
import { detectMentions, PersonRegistry, type Mention } from './persons.ts';
import type { QuoteSpan } from './quote-marks.ts';

/** Who said a quote, and how sure we are. Confidence falls with each step of inference (name > title > pronoun > none). */
export interface Attribution {
  speakerName?: string;
  role?: string;
  method: AttributionMethod;
  confidence: number;
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
  if (to > 0 && !ctx.text.slice(ctx.tokens[to - 1].end, span.open).includes('\n')) {
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
    const verb = lx.speechVerbs.match(text, tokens, k, limit);
    if (verb) {
      found.push({ at: k, end: k + verb.length });
      k += verb.length - 1;
      continue;
    }
    const key = tokens[k].key;
    for (const { suffix } of lx.cliticSuffixes) {
      if (key.length > suffix.length && key.endsWith(suffix) && lx.speechVerbs.has(key.slice(0, -suffix.length).replace(/-$/, ''))) {
        found.push({ at: k, end: k + 1 });
      }
    }
  }
  return found;
}

/** People mentioned in narration, in article order, so that titles and pronouns can be resolved to names. */
export function buildRegistry(ctx: ArticleContext): PersonRegistry {
  const registry = new PersonRegistry(ctx.lexicon);
  const n = ctx.tokens.length;
  for (let from = 0; from < n; ) {
    if (!ctx.narrative[from]) {
      from++;
      continue;
    }
    let to = from;
    while (to < n && ctx.narrative[to]) to++;
    for (const m of detectMentions(ctx, from, to)) {
      const offset = ctx.tokens[m.first].start;
      if (m.kind === 'name') registry.note(offset, m.name!, m.gender, [m.role, m.apposedRole], m.nationality);
      else if (m.kind === 'candidate') {
        const known = registry.find(m.name!);
        if (known) registry.touch(offset, known);
      } else if (m.kind === 'title') {
        const holder = registry.holderOf(m.role!, offset);
        if (holder) registry.touch(offset, holder);
      } else if (m.kind === 'nationality') {
        const described = registry.describedAs(m.nationality!, offset);
        if (described) registry.touch(offset, described);
      }
    }
    from = to;
  }
  return registry;
}

/** Turns the mention chosen as speaker into a name, using what the article said before the quote. */
export function resolveMention(mention: Mention, registry: PersonRegistry, quoteStart: number, adjacent: boolean): Attribution {
  switch (mention.kind) {
    case 'name':
    case 'candidate': {
      const known = registry.find(mention.name!);
      const name = known && known.words.length >= mention.name!.split(/\s+/).length ? known.name : mention.name!;
      const confidence = mention.kind === 'name' || known ? (adjacent ? CONFIDENCE.namedAdjacent : CONFIDENCE.namedInSentence) : CONFIDENCE.namedLoosely;
      return { speakerName: name, role: mention.role ?? known?.role, method: 'explicit', confidence };
    }
    case 'title': {
      const holder = registry.holderOf(mention.role!, quoteStart);
      if (holder) return { speakerName: holder.name, role: mention.role, method: 'title', confidence: CONFIDENCE.title };
      // `the Japanese winger said`, `a expliqué le technicien`: a title the article never gave anyone stands,
      // like a pronoun, for the person it last mentioned.
      const last = registry.lastBefore(quoteStart, mention.gender);
      return last
        ? { speakerName: last.name, role: mention.role, method: 'title', confidence: CONFIDENCE.pronoun }
        : { role: mention.role, method: 'none', confidence: CONFIDENCE.none };
    }
    case 'nationality': {
      // Unlike a title, never the last person mentioned: `le Français` is no one when nobody was described so.
      const described = registry.describedAs(mention.nationality!, quoteStart);
      return described
        ? { speakerName: described.name, role: described.role, method: 'title', confidence: CONFIDENCE.title }
        : { method: 'none', confidence: CONFIDENCE.none };
    }
    case 'pronoun': {
      const antecedent = registry.lastBefore(quoteStart, mention.gender);
      return antecedent
        ? { speakerName: antecedent.name, role: antecedent.role, method: 'pronoun', confidence: CONFIDENCE.pronoun }
        : { method: 'none', confidence: CONFIDENCE.none };
    }
  }
}
