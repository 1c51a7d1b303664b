import { z } from 'zod';

const dimension = z.coerce.number().int().min(1).max(10_000);

export const OEmbedQuerySchema = z.object({
  url: z.string().min(1).max(2048).describe("this service's URL of a quote: https://<host>/quotes/{id}"),
  format: z.string().max(20).default('json').describe('json; xml is not implemented (501)'),
  maxwidth: dimension.optional(),
  maxheight: dimension.optional(),
});

/** oEmbed 1.0 `rich` response (https://oembed.com/#section2.3). */
export const OEmbedSchema = z
  .object({
    version: z.literal('1.0'),
    type: z.literal('rich'),
    html: z.string().describe('an escaped HTML quote card: blockquote, attribution and a link back'),
    width: z.number().int(),
    height: z.number().int(),
    title: z.string(),
    author_name: z.string().optional(),
    author_url: z.string().optional(),
    provider_name: z.string(),
    provider_url: z.string(),
    cache_age: z.number().int(),
  })
  .meta({ id: 'OEmbed' });

export type OEmbed = z.infer<typeof OEmbedSchema>;
