import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SpeakersQuerySchema } from '../../../schemas/query.ts';
import { SpeakerPageSchema } from '../../../schemas/speaker.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';

const listSpeakers: FastifyPluginAsyncZod = async (app) => {
  app.get('/speakers', {
    config: { cache: true },
    schema: {
      tags: ['speakers'],
      summary: 'Speakers, searchable by any spelling (typo-tolerant, for autocomplete)',
      querystring: SpeakersQuerySchema,
      response: { 200: SpeakerPageSchema, 400: ProblemSchema, 503: ProblemSchema },
    },
    handler: (request) => app.services.queries.searchSpeakers(request.query),
  });
};
export default listSpeakers;
