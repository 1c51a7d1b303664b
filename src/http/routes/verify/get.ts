import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VerifyAnswerSchema, VerifyQuerySchema } from '../../../schemas/verify.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import type { VerifyService } from '../../../service/verify.ts';
import { resourceUrls } from '../../urls.ts';
import { linkVerification } from '../../../service/permalinks.ts';

const verifyByQuery: FastifyPluginAsyncZod<{ verifier: VerifyService }> = async (app, { verifier }) => {
  app.get('/verify', {
    config: { cache: true },
    schema: {
      tags: ['quotes'],
      summary:
        '"Did X say this?": the stored quotes worded like a text in any language (trimmed or slightly misquoted is fine), ' +
        'who said them according to the sources, whether that is the claimed speaker under any spelling, the original ' +
        'wording with its source, and the other language versions. No match: an empty list.',
      querystring: VerifyQuerySchema,
      response: { 200: VerifyAnswerSchema, 400: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request) => linkVerification(await verifier.verify(request.query), resourceUrls(request).quote),
  });
};
export default verifyByQuery;
