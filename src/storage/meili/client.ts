import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, type EnqueuedTaskPromise } from 'meilisearch';
import { createHttpClient } from './http-client.ts';

/** Meilisearch cannot be reached, timed out, or is restarting: the caller should retry later (HTTP 503). */
export class StoreUnavailableError extends Error {
  readonly retryAfterSeconds = 5;
}

export interface MeiliOptions {
  url: string;
  masterKey: string;
  timeoutMs: number;
}

export function createMeiliClient({ url, masterKey, timeoutMs }: MeiliOptions): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey: masterKey,
    timeout: timeoutMs,
    httpClient: createHttpClient(),
  });
}

/** The client wraps every error of its transport, answers from Meilisearch included: unwrap those. */
function unwrap(error: unknown): unknown {
  return error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError ? error.cause : error;
}

/** Meilisearch's own error code (`index_not_found`, …), when the error is an answer from it. */
export function meiliErrorCode(error: unknown): string | undefined {
  const answer = unwrap(error);
  return answer instanceof MeilisearchApiError ? (answer.cause as { code?: string } | undefined)?.code : undefined;
}

/** Anything that is not an answer from Meilisearch itself (refused, reset, timed out) means it is unavailable. */
export function toStoreError(thrown: unknown): unknown {
  const error = unwrap(thrown);
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof Error && /Meilisearch|fetch failed|ECONNREFUSED|ECONNRESET|timed? ?out/i.test(`${error.name} ${error.message}`)) {
    return new StoreUnavailableError(`search store unavailable: ${error.name}`, { cause: error });
  }
  return error;
}

export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStoreError(error);
  }
}

const FINISHED = new Set(['succeeded', 'failed', 'canceled']);

/**
 * Waits for a write to be applied and fails loudly when Meilisearch rejected it. Polls with a growing interval: most
 * tasks finish in a few milliseconds, a few take seconds. (The client's own waitTask leaks a listener per poll.)
 */
export async function settled(client: Meilisearch, task: EnqueuedTaskPromise, timeoutMs = 60_000): Promise<void> {
  const { taskUid } = await guarded(() => task);
  const deadline = Date.now() + timeoutMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    const state = await guarded(() => client.tasks.getTask(taskUid));
    if (FINISHED.has(state.status)) {
      if (state.status !== 'succeeded') throw new Error(`Meilisearch task ${taskUid} ${state.status}: ${state.error?.message ?? 'no detail'}`);
      return;
    }
    if (Date.now() > deadline) throw new StoreUnavailableError(`Meilisearch task ${taskUid} still ${state.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** A value quoted for a Meilisearch filter expression: user input never reaches a filter unescaped. */
export function filterValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function filterIn(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(filterValue).join(', ')}]`;
}
