import type { FastifyReply } from 'fastify';
import type { Problem } from '../schemas/problem.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export function problem(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra };
}

/** Sends an RFC 9457 problem; every error of the API goes out through here. */
export function sendProblem(reply: FastifyReply, status: number, detail?: string, extra: Partial<Problem> = {}) {
  return reply
    .code(status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    // The path identifies the occurrence; the query string may be huge or hold what the client should not see echoed.
    .send(problem(status, detail, { instance: reply.request.url.split('?')[0].slice(0, 256), ...extra }));
}
