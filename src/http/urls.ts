import type { FastifyRequest } from 'fastify';
import type { PageUrls } from '../service/quote-page.ts';

/** This service's origin as the client addressed it; a Host header that is no host falls back to localhost. */
export function originOf(request: FastifyRequest): string {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return `${request.protocol}://localhost`;
  }
}

/** The URLs of this service's resources, for permalinks, JSON-LD identifiers, citations and oEmbed cards. */
export function resourceUrls(request: FastifyRequest): PageUrls & { provider: string; quoteBase: string } {
  const origin = originOf(request);
  const quoteBase = `${origin}/quotes/`;
  return {
    provider: origin,
    quoteBase,
    quote: (id) => `${quoteBase}${encodeURIComponent(id)}`,
    speaker: (id) => `${origin}/speakers/${encodeURIComponent(id)}`,
    oembed: (url) => `${origin}/oembed?url=${encodeURIComponent(url)}&format=json`,
  };
}
