import { z } from 'zod';

export const CITATION_STYLES = ['text', 'markdown', 'html', 'csl-json'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export const CitationQuerySchema = z.object({
  style: z.enum(CITATION_STYLES).default('text').describe('text, markdown, html (escaped) or csl-json'),
});

/** The media type each citation style is served as. */
export const CITATION_MEDIA_TYPES = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  'csl-json': 'application/vnd.citationstyles.csl+json',
} as const satisfies Record<CitationStyle, string>;

export const CslItemSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    title: z.string(),
    'container-title': z.string().optional(),
    URL: z.string().optional(),
    issued: z.object({ 'date-parts': z.array(z.array(z.number().int())) }).optional(),
    language: z.string(),
    note: z.string(),
    custom: z.object({
      quote: z.string(),
      quoteUrl: z.string(),
      speaker: z.string().optional(),
      role: z.string().optional(),
      translatedFrom: z.string().optional().describe('language of the original when this version is a translation'),
      originalQuoteId: z.string().optional(),
      originalText: z.string().optional(),
    }),
  })
  .meta({ id: 'CslItem', description: 'A CSL-JSON item: the article the quote appeared in, with the quote in `custom`.' });

export type CslItem = z.infer<typeof CslItemSchema>;
