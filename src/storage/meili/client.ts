import { Meilisearch, MeilisearchApiError, type EnqueuedTaskPromise } from 'meilisearch';

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
    defaultWaitOptions: { timeout: Math.max(timeoutMs * 6, 30_000), interval: 10 },
  });
}

/** Anything that is not an answer from Meilisearch itself (refused, reset, timed out) means it is unavailable. */
export function toStoreError(error: unknown): unknown {
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

/** Waits for a write to be applied and fails loudly when Meilisearch rejected it. */
export async function settled(task: EnqueuedTaskPromise): Promise<void> {
  const done = await guarded(() => task.waitTask());
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no detail'}`);
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
