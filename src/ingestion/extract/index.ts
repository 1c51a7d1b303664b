import type { ExtractedQuote } from '../types.ts';
import { buildRegistry, CONFIDENCE } from './attribution.ts';
import { findBoilerplate, insideAny } from './boilerplate.ts';
import { isTitleCase, markedAsNotSpeech, sentenceAttribution } from './classify.ts';
import { buildContext } from './context.ts';
import { lexiconFor } from './lexicon.ts';
import { findQuoteSpans, type QuoteSpan } from './quote-marks.ts';
import type { Attribution } from './attribution.ts';
import type { ArticleContext } from './context.ts';
import type { Lexicon } from './lexicon.ts';
import { tokenize } from './tokens.ts';

/** A quote of its own, not words woven into narration: enough words, and it opens a sentence or follows another quote. */
function standsAlone(ctx: ArticleContext, span: QuoteSpan): boolean {
  const { text } = ctx;
  const quote = text.slice(span.start, span.end);
  if (quote.split(/\s+/).length < MIN_STANDALONE_WORDS || isTitleCase(quote)) return false;
  const lineStart = text.lastIndexOf('\n', span.open - 1) + 1;
  const before = text.slice(Math.max(lineStart, span.open - 40), span.open).trimEnd();
  return before === '' || /[.!?…:;]["”»’')\]]*$/.test(before) || /["”»]$/.test(before);
}

const MIN_STANDALONE_WORDS = 3;

/**
 * The speaker an unattributed quote continues: news runs a speaker's words on in quotes of their own after the one
 * that named them (`"…," Furyk said. "He's got a lot of confidence …"`).
 */
function continuationOf(previous: Attribution | undefined): Attribution | undefined {
  if (!previous?.speakerName) return undefined;
  const { speakerName, role, confidence, person } = previous;
  return { speakerName, role, method: 'context', confidence: Math.min(confidence, CONFIDENCE.continued), person };
}

/**
 * `« Mon client n'a jamais touché un centime, a-t-il ajouté. Le tribunal s'est trompé. »`: an inverted verb with its
 * clitic subject inside the marks is narration; the quote is the words on either side of it.
 */
function splitAtIncises(text: string, lexicon: Lexicon, spans: QuoteSpan[]): QuoteSpan[] {
  if (!lexicon.cliticSuffixes.some((c) => c.suffix.startsWith('-'))) return spans;
  const out: QuoteSpan[] = [];
  for (const span of spans) {
    const inner = text.slice(span.start, span.end);
    const m = /,\s+([\p{L}'’]+-(?:t-)?(?:il|elle)(?:\s+[\p{L}'’]+)?)\s*([.,])\s+(?=\p{L})/u.exec(inner);
    const words = m ? tokenize(m[1]) : [];
    const speaks = words.some((w) => lexicon.speechVerbs.has(w.key) || lexicon.speechVerbs.has(w.key.replace(/-(t-)?(il|elle)$/, '')));
    if (!m || !speaks) {
      out.push(span);
      continue;
    }
    const firstEnd = span.start + m.index + 1; // keep the comma, as the marks would have
    const secondStart = span.start + m.index + m[0].length;
    out.push({ open: span.open, close: firstEnd, start: span.start, end: firstEnd });
    out.push({ open: secondStart, close: span.close, start: secondStart, end: span.end });
  }
  return out;
}

/**
 * The direct quotations of an article with their speakers. Offsets index `text` as given; `lang` selects the
 * language profile ('vi', 'id', 'fr', 'en'; anything else gets the generic Latin-script rules).
 */
export function extractQuotes(text: string, lang: string): ExtractedQuote[] {
  const lexicon = lexiconFor(lang || 'und');
  const boilerplate = findBoilerplate(text);
  const spans = splitAtIncises(text, lexicon, findQuoteSpans(text).filter((s) => !insideAny(boilerplate, s.open, s.close)));
  if (!spans.length) return [];
  const ctx = buildContext(text, lexicon, spans, boilerplate);
  const registry = buildRegistry(ctx);
  const quotes: ExtractedQuote[] = [];
  let previous: Attribution | undefined;
  for (const span of spans) {
    if (markedAsNotSpeech(ctx, span)) continue;
    const found = sentenceAttribution(ctx, span, registry);
    if (!found?.speakerName && !found && !standsAlone(ctx, span)) continue;
    const attribution = found?.speakerName || found?.unservedSource ? found : continuationOf(previous) ?? found ?? { method: 'none', confidence: CONFIDENCE.none };
    if (attribution.speakerName) {
      previous = attribution;
      registry.focus = attribution.person ?? registry.find(attribution.speakerName);
    }
    const { speakerName, role, method, confidence } = attribution;
    quotes.push({
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      ...(speakerName ? { speakerName } : {}),
      ...(role ? { role } : {}),
      attribution: { method, confidence },
    });
  }
  return quotes;
}
