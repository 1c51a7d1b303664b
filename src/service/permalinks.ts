import type { Quote, UnlinkedQuote } from '../schemas/quote.ts';
import type { VerifyAnswer } from '../schemas/verify.ts';
import type { Verification } from './verify.ts';

/** A stored quote as served: with its permalink, and its translations with theirs. */
export function linkQuote(quote: UnlinkedQuote, permalink: (id: string) => string): Quote {
  return {
    ...quote,
    url: permalink(quote.id),
    translations: quote.translations.map((translation) => ({ ...translation, url: permalink(translation.id) })),
  };
}

/** A verification as answered: every quote in it with its permalink. */
export function linkVerification(verification: Verification, permalink: (id: string) => string): VerifyAnswer {
  return {
    ...verification,
    matches: verification.matches.map((match) => ({
      ...match,
      quote: linkQuote(match.quote, permalink),
      original: match.original && linkQuote(match.original, permalink),
    })),
  };
}
