import type { ExtractedQuote } from '../types.ts';
import { buildRegistry } from './attribution.ts';
import { findBoilerplate, insideAny } from './boilerplate.ts';
import { classifyQuote } from './classify.ts';
import { buildContext } from './context.ts';
import { lexiconFor } from './lexicon.ts';
import { findQuoteSpans } from './quote-marks.ts';

/**
 * The direct quotations of an article with their speakers. Offsets index `text` as given; `lang` selects the
 * language profile ('vi', 'id', 'fr', 'en'; anything else gets the generic Latin-script rules).
 */
export function extractQuotes(text: string, lang: string): ExtractedQuote[] {
  const lexicon = lexiconFor(lang || 'und');
  const boilerplate = findBoilerplate(text);
  const spans = findQuoteSpans(text).filter((s) => !insideAny(boilerplate, s.open, s.close));
  if (!spans.length) return [];
  const ctx = buildContext(text, lexicon, spans, boilerplate);
  const registry = buildRegistry(ctx);
  const quotes: ExtractedQuote[] = [];
  for (const span of spans) {
    const attribution = classifyQuote(ctx, span, registry);
    if (!attribution) continue;
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
