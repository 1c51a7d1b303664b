import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { StoreUnavailableError } from '../../../storage/meili/client.ts';
import { QueryError } from '../../../service/queries.ts';
import { sendProblem } from '../../problem.ts';

/** Every failure becomes a problem+json with the right status; internals and stacks never reach the client. */
export default fp(async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const errors = error.validation.flatMap((entry) =>
        describeIssue(
          {
            path: entry.instancePath.split('/').filter(Boolean),
            code: entry.keyword,
            message: entry.message ?? 'invalid',
            errors: (entry.params as { errors?: ZodIssueLike[][] } | undefined)?.errors,
          },
          where,
        ),
      );
      const detail = errors.map((e) => `${e.parameter}: ${e.message}`).join('; ');
      return sendProblem(reply, 400, `invalid ${where}: ${detail}`.slice(0, 2000), { errors: errors.slice(0, 50) });
    }
    if (error instanceof QueryError) {
      return sendProblem(reply, 400, error.message, { errors: [{ parameter: error.parameter, message: error.message }] });
    }
    if (error instanceof StoreUnavailableError) {
      request.log.warn({ err: error.cause }, 'search store unavailable');
      reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblem(reply, 503, 'the search store is unavailable; retry shortly');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      if (status === 429 && error.message) return sendProblem(reply, 429, error.message);
      return sendProblem(reply, status, publicMessage(error));
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, 500, 'an internal error occurred; it has been logged');
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, `no route ${request.method} ${request.url.split('?')[0].slice(0, 200)}`));
});

/** Fastify's own client-error messages are safe to show; anything else is summarised by its code. */
function publicMessage(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'request body is too large';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported content type; send application/json';
  if (error.code?.startsWith('FST_') || error.code === undefined) return error.message.slice(0, 500);
  return 'bad request';
}

interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: ZodIssueLike[][];
}

/**
 * One line per wrong parameter. A union (one article or an array of them) reports the branch the input was meant
 * for: the one whose issues lie inside the value rather than at its top.
 */
function describeIssue(issue: ZodIssueLike, where: string, prefix: PropertyKey[] = []): Array<{ parameter: string; message: string }> {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors?.length) {
    const branch = issue.errors.find((issues) => issues.every((i) => i.path.length > 0)) ?? issue.errors[0];
    return branch.flatMap((inner) => describeIssue(inner, where, path));
  }
  return [{ parameter: path.length ? path.map(String).join('.') : where, message: issue.message }];
}
