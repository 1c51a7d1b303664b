import { z } from 'zod';
import { pageOf } from './page.ts';

export const SpeakerRefSchema = z
  .object({ id: z.string(), name: z.string() })
  .meta({ id: 'SpeakerRef', description: 'Who said it; null on the quote when the article does not tell.' });

export type SpeakerRef = z.infer<typeof SpeakerRefSchema>;

const permalink = z
  .string()
  .describe("the quote's permalink on this service: its page for people and CMSs (Accept: text/html), its JSON for programs");

export const TranslationSchema = z
  .object({
    id: z.string(),
    lang: z.string(),
    text: z.string(),
    original: z.boolean(),
    articleId: z.string(),
    url: permalink,
  })
  .meta({ id: 'Translation', description: 'Another language version of the same utterance.' });

export const QuoteSchema = z
  .object({
    id: z.string(),
    url: permalink,
    clusterId: z.string().describe('shared by every version of the same utterance'),
    lang: z.string(),
    text: z.string().describe('the words inside the quote marks'),
    speaker: SpeakerRefSchema.nullable(),
    role: z.string().optional().describe('the title the article gives the speaker'),
    source: z.object({
      articleId: z.string(),
      url: z.string().optional(),
      title: z.string().optional(),
      outlet: z.string().optional(),
      publishedAt: z.string().optional(),
    }),
    offsets: z.object({ start: z.number().int(), end: z.number().int() }),
    original: z.boolean().describe('the version in the language it was said in, when that can be told'),
    confidence: z.object({
      attribution: z.number().min(0).max(1),
      link: z.number().min(0).max(1),
    }),
    attribution: z
      .object({
        method: z
          .enum(['explicit', 'title', 'pronoun', 'context', 'none', 'cluster'])
          .describe(
            'how the speaker was found in the quote\'s own article (`explicit` name, a `title` or `pronoun` standing for a person named there, `context` of the quotes around it), `none`; `cluster`: the article gives none (or one its other versions outvote), the speaker is its versions\' in other languages, with a lower confidence',
          ),
      })
      .describe('how the speaker was found'),
    translations: z.array(TranslationSchema),
    fallback: z
      .boolean()
      .optional()
      .describe('true when this is the original standing in for a missing version in the requested language'),
  })
  .meta({ id: 'Quote' });

export type Quote = z.infer<typeof QuoteSchema>;
export type Translation = z.infer<typeof TranslationSchema>;

/**
 * A quote as stored and rendered at write time: without its permalinks, which name the host the client addressed
 * and are added as it is served.
 */
export type UnlinkedQuote = Omit<Quote, 'url' | 'translations'> & { translations: Array<Omit<Translation, 'url'>> };

export const QuotePageSchema = pageOf(QuoteSchema)
  .extend({
    suggestions: z
      .array(SpeakerRefSchema)
      .optional()
      .describe('close speakers when the one asked for is unknown'),
  })
  .meta({ id: 'QuotePage' });

export type QuotePage = z.infer<typeof QuotePageSchema>;
