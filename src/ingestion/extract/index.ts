import type { ExtractedQuote } from '../types.ts';
import { buildRegistry } from './attribution.ts';
import { findBoilerplate, insideAny } from './boilerplate.ts';
import { classifyQuote } from './classify.ts';
import { buildContext } from './context.ts';
import { lexiconFor } from './lexicon.ts';
import { findQuoteSpans, type QuoteSpan } from './quote-marks.ts';
import type { Attribution } from './attribution.ts';
import type { ArticleContext } from './context.ts';
import type { Lexicon } from './lexicon.ts';
import { tokenize } from './tokens.ts';

/**
 * A quote that is a sentence of its own, right after an attributed quote in the same paragraph, continues that
 * speaker's words: `"…," Guardiola told reporters. "I trust these players."`. Only whole sentences between marks
 * count, so that titles and scare quotes woven into narration never inherit a speaker.
 */
function continuationOf(ctx: ArticleContext, span: QuoteSpan, previous: { span: QuoteSpan; attribution: Attribution } | undefined): Attribution | undefined {
  if (!previous?.attribution.speakerName) return undefined;
  const { text } = ctx;
  const between = text.slice(previous.span.close, span.open);
  if (between.includes('\n') || between.length > 400) return undefined;
  const quote = text.slice(span.start, span.end);
  if (!/^\p{Lu}/u.test(quote) || !/[.!?…]$/.test(quote.trim()) || quote.split(/\s+/).length < 3) return undefined;
  // The quote opens a sentence and nothing but the line end follows it.
  if (!/(^|[.!?…]["”»]?)\s*$/.test(between)) return undefined;
  const lineEnd = text.indexOf('\n', span.close);
  if (text.slice(span.close, lineEnd < 0 ? text.length : lineEnd).trim()) return undefined;
  const { speakerName, role, confidence } = previous.attribution;
  return { speakerName, role, method: 'context', confidence: Math.min(confidence, 0.7) };
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
  let previous: { span: QuoteSpan; attribution: Attribution } | undefined;
  for (const span of spans) {
    const attribution = classifyQuote(ctx, span, registry) ?? continuationOf(ctx, span, previous);
    if (!attribution) continue;
    if (attribution.speakerName) previous = { span, attribution };
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
