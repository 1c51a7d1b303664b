import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../../problem.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** A preHandler for write routes: `Authorization: Bearer <API_KEY>`, compared in constant time. */
export function requireApiKey(apiKey: string) {
  const expected = digest(apiKey);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
    if (!match) {
      reply.header('www-authenticate', 'Bearer realm="polyquote"');
      return sendProblem(reply, 401, 'this route needs Authorization: Bearer <API_KEY>');
    }
    if (!timingSafeEqual(digest(match[1]), expected)) return sendProblem(reply, 403, 'the API key is not valid');
  };
}
