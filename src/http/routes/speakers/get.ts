import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../../schemas/query.ts';
import { SpeakerSchema } from '../../../schemas/speaker.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import { sendProblem } from '../../problem.ts';

const getSpeaker: FastifyPluginAsyncZod = async (app) => {
  app.get('/speakers/:id', {
    config: { cache: true },
    schema: {
      tags: ['speakers'],
      summary: 'One speaker, by id or by any spelling of the name',
      params: IdParamSchema,
      response: { 200: SpeakerSchema, 404: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const speaker = await app.services.queries.getSpeaker(request.params.id);
      return speaker ?? sendProblem(reply, 404, 'no speaker with this id or name');
    },
  });
};
export default getSpeaker;
