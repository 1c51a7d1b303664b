import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import type { Problem } from '../schemas/problem.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
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

/**
 * What Node's HTTP parser refuses before any route sees the request (a URL or headers past its size limit, a request
 * that is no HTTP, a client too slow to send one) is answered as a problem too, then the connection closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'the URL or the headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'the request took too long to arrive']
        : [400, 'the request is not valid HTTP'];
  const body = JSON.stringify(problem(status, detail));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${TITLES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
