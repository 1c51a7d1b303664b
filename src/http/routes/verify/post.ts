import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_CLAIM_CHARS, VerifyAnswerSchema, VerifyBodySchema } from '../../../schemas/verify.ts';
import { ProblemSchema } from '../../../schemas/problem.ts';
import type { VerifyService } from '../../../service/verify.ts';
import { resourceUrls } from '../../urls.ts';
import { linkVerification } from '../../../service/permalinks.ts';

/** Room for the longest text in JSON, escaped; a larger body is refused before it is read whole. */
const BODY_LIMIT_BYTES = 8 * MAX_CLAIM_CHARS.body;

const verifyByBody: FastifyPluginAsyncZod<{ verifier: VerifyService }> = async (app, { verifier }) => {
  app.post('/verify', {
    bodyLimit: BODY_LIMIT_BYTES,
    schema: {
      tags: ['quotes'],
      summary: 'GET /verify for a text too long for a URL: the same question and answer, as a JSON body',
      body: VerifyBodySchema,
      response: { 200: VerifyAnswerSchema, 400: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request) => linkVerification(await verifier.verify(request.body), resourceUrls(request).quote),
  });
};
export default verifyByBody;
