import { z } from 'zod';
import { QuoteSchema, SpeakerRefSchema } from './quote.ts';

/** Longer than any quote in the store is useful for: a claim is compared with quotes, not with whole articles. */
export const MAX_CLAIM_CHARS = { query: 2_000, body: 20_000 } as const;
const MAX_SPEAKER_CHARS = 500;

const EXAMPLE_TEXT = "L'un des axes de la résolution n° 59 est de s'efforcer de faire de l'intégration internationale en matière de défense";

function claimFields(maxTextChars: number) {
  return {
    text: z
      .string()
      .trim()
      .min(1)
      .max(maxTextChars)
      .describe('the quote as someone has it, in any stored language; it may be trimmed or slightly misquoted')
      .meta({ examples: [EXAMPLE_TEXT] }),
    speaker: z
      .string()
      .trim()
      .min(1)
      .max(MAX_SPEAKER_CHARS)
      .optional()
      .describe('who they believe said it, any spelling: diacritics, honorifics and the surname alone are all fine')
      .meta({ examples: ['Le Hoai Trung'] }),
    lang: z.string().min(1).max(20).optional().describe('the language of `text`, when known (ISO 639-1): only versions in it are compared'),
    limit: z.coerce.number().int().min(1).max(20).default(5).describe('at most this many matches, 1–20'),
  };
}

export const VerifyQuerySchema = z.object(claimFields(MAX_CLAIM_CHARS.query));
export const VerifyBodySchema = z
  .object(claimFields(MAX_CLAIM_CHARS.body))
  .strict()
  .meta({ id: 'VerifyRequest', description: 'The same question as GET /verify, for texts too long for a URL.' });
export type VerifyQuery = z.infer<typeof VerifyQuerySchema>;

export const VerifyMatchSchema = z
  .object({
    similarity: z
      .number()
      .min(0)
      .max(1)
      .describe('how much of the given text the quote says, word pairs in order, ignoring case, diacritics and punctuation; 1 for an exact or trimmed quote'),
    coverage: z.number().min(0).max(1).describe('how much of the quote the given text covers'),
    speaker: SpeakerRefSchema.nullable().describe('who said it according to the sources (any version of the quote); null when none says'),
    speakerMatches: z
      .boolean()
      .nullable()
      .optional()
      .describe('with `speaker` asked: whether the claimed speaker is the one the sources name; null when they name nobody'),
    quote: QuoteSchema.describe('the stored version that matches the text, with its other language versions in `translations`'),
    original: QuoteSchema.nullable().describe('the version in the language it was said in, with its source (the matched quote itself when it is the original); null when that cannot be told'),
  })
  .meta({ id: 'VerifyMatch' });

const exampleVersion = (id: string, lang: string, text: string, original: boolean, extra: object) => ({
  id,
  url: `https://polyquote.example/quotes/${id}`,
  clusterId: 'c-trung-defence-pillar',
  lang,
  text,
  speaker: { id: 'le-hoai-trung', name: lang === 'vi' ? 'Lê Hoài Trung' : 'Le Hoai Trung' },
  source: { articleId: id.split('-')[0] },
  offsets: { start: 1756, end: 1960 },
  original,
  confidence: { attribution: 0.95, link: 0.9 },
  attribution: { method: 'explicit' as const },
  translations: [],
  ...extra,
});

/** What GET /verify answers for the French wording of a quote said in Vietnamese, attributed to To Lam. */
const EXAMPLE_ANSWER = {
  claimedSpeaker: { name: 'To Lam', known: [] },
  matches: [
    {
      similarity: 1,
      coverage: 0.52,
      speaker: { id: 'le-hoai-trung', name: 'Lê Hoài Trung' },
      speakerMatches: false,
      quote: exampleVersion('bcp0915-2800f966e1d1', 'fr', `${EXAMPLE_TEXT} et de sécurité l'un des piliers de l'intégration internationale`, false, {
        role: 'ministre des Affaires étrangères par intérim',
        translations: [
          {
            id: 'vnn0916-fbe5d3a90548',
            url: 'https://polyquote.example/quotes/vnn0916-fbe5d3a90548',
            lang: 'vi',
            text: 'Một trong những phương hướng của Nghị quyết số 59 là phấn đấu đưa hội nhập quốc tế về quốc phòng, an ninh là một trong những trụ cột của hội nhập quốc tế',
            original: true,
            articleId: 'vnn0916',
          },
        ],
      }),
      original: exampleVersion(
        'vnn0916-fbe5d3a90548',
        'vi',
        'Một trong những phương hướng của Nghị quyết số 59 là phấn đấu đưa hội nhập quốc tế về quốc phòng, an ninh là một trong những trụ cột của hội nhập quốc tế',
        true,
        { role: 'Quyền Bộ trưởng', source: { articleId: 'vnn0916', url: 'https://vietnamnet.vn/example.html', outlet: 'VietNamNet', publishedAt: '2025-09-16' } },
      ),
    },
  ],
};

export const VerifyAnswerSchema = z
  .object({
    claimedSpeaker: z
      .object({
        name: z.string(),
        known: z.array(SpeakerRefSchema).describe('the stored speakers this spelling names; empty when none'),
      })
      .optional(),
    matches: z.array(VerifyMatchSchema).describe('best first; empty when nobody in the store said anything like it'),
  })
  .meta({ id: 'VerifyAnswer', examples: [EXAMPLE_ANSWER] });

export type VerifyAnswer = z.infer<typeof VerifyAnswerSchema>;
EXAMPLE_ANSWER satisfies VerifyAnswer;
export type VerifyMatch = z.infer<typeof VerifyMatchSchema>;
