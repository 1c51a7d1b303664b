import { z } from 'zod';
import { pageOf } from './page.ts';

export const SpeakerSchema = z
  .object({
    id: z.string().describe('a slug of the folded name; stable'),
    name: z.string(),
    names: z.record(z.string(), z.string()).describe('display name per language'),
    aliases: z.array(z.string()),
    roles: z.array(z.string()),
    languages: z.array(z.string()),
    quoteCount: z.number().int(),
  })
  .meta({ id: 'Speaker' });

export type Speaker = z.infer<typeof SpeakerSchema>;

export const SpeakerPageSchema = pageOf(SpeakerSchema).meta({ id: 'SpeakerPage' });
