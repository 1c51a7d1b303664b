import { z } from 'zod';

const PersonLd = z.object({
  '@type': z.literal('Person'),
  '@id': z.string().optional(),
  name: z.string(),
  jobTitle: z.string().optional(),
});

const QuotationRefLd = z.object({
  '@type': z.literal('Quotation'),
  '@id': z.string(),
  url: z.string(),
  text: z.string(),
  inLanguage: z.string(),
});

const NewsArticleLd = z.object({
  '@type': z.literal('NewsArticle'),
  identifier: z.string(),
  headline: z.string().optional(),
  url: z.string().optional(),
  datePublished: z.string().optional(),
  inLanguage: z.string(),
  publisher: z.object({ '@type': z.literal('Organization'), name: z.string() }).optional(),
});

/** GET /quotes/{id} with `Accept: application/ld+json`. */
export const QuotationLdSchema = z
  .object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('Quotation'),
    '@id': z.string(),
    url: z.string(),
    identifier: z.string(),
    text: z.string(),
    inLanguage: z.string(),
    spokenByCharacter: PersonLd.optional(),
    creator: PersonLd.optional(),
    isBasedOn: QuotationRefLd.optional().describe('the original, when this version is a translation'),
    translationOfWork: QuotationRefLd.optional(),
    workTranslation: z.array(QuotationRefLd).optional().describe('the other language versions, on the original'),
    citation: NewsArticleLd,
  })
  .meta({ id: 'QuotationJsonLd', description: 'A schema.org Quotation as JSON-LD.' });

export type QuotationLd = z.infer<typeof QuotationLdSchema>;
