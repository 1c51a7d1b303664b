import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { clientRequestInit, MeiliTransportError } from './transport.ts';

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
    requestInit: clientRequestInit,
  });
}

/** The client library wraps every error of its transport, answers from Meilisearch included: unwrap those. */
function unwrap(error: unknown): unknown {
  const ours = error instanceof MeilisearchRequestError && (error.cause instanceof MeilisearchApiError || error.cause instanceof MeiliTransportError);
  return ours ? error.cause : error;
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
  // The library's own timeout arrives as a MeilisearchRequestError.
  if (error instanceof MeiliTransportError || error instanceof MeilisearchRequestError) {
    return new StoreUnavailableError(`search store unavailable: ${error.name}`, { cause: error });
  }
  return error;
}

/** The store failed (unreachable, or Meilisearch refused a request), as opposed to the work of whoever called it. */
export function isStoreFailure(error: unknown): boolean {
  return error instanceof StoreUnavailableError || error instanceof MeilisearchApiError;
}

export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStoreError(error);
  }
}

/** What Meilisearch answers a write with: the task that will apply it. */
export interface EnqueuedTaskAnswer {
  taskUid: number;
}

/** Sends one write: the client library's (`index.addDocuments(…)`), or a request of our own. */
export type TaskSender = () => Promise<EnqueuedTaskAnswer>;

/** The statuses of a task that will change nothing more. */
export const FINISHED_TASKS = new Set(['succeeded', 'failed', 'canceled']);

/**
 * Sends writes one after the other, then waits for them all, failing loudly when Meilisearch rejected one. Meilisearch
 * applies one index's tasks in order and keeps its queue across restarts, so they land in the order given without a
 * round trip between them; tasks on different indexes may finish out of order (it batches per index), so every one is
 * waited for, not just the last. Polls every few milliseconds at first — a write answers a request only once its task
 * is done, and most take tens of milliseconds, which a doubling interval would overshoot by as much again — then less
 * often: a few take seconds.
 */
export async function settled(client: Meilisearch, ...writes: TaskSender[]): Promise<void> {
  await tasksDone(client, await enqueued(...writes));
}

/** Sends writes one after the other, each once the previous one was accepted; their task ids. */
export async function enqueued(...writes: TaskSender[]): Promise<number[]> {
  const uids: number[] = [];
  for (const write of writes) uids.push((await guarded(() => write())).taskUid);
  return uids;
}

/** Waits for tasks, failing loudly when Meilisearch rejected one. */
export async function tasksDone(client: Meilisearch, uids: number[]): Promise<void> {
  if (!uids.length) return;
  const started = Date.now();
  const deadline = started + TASK_TIMEOUT_MS;
  for (let pause = FINE_POLL_MS; ; pause = Date.now() - started < FINE_POLLING_FOR_MS ? FINE_POLL_MS : Math.min(pause * 2, 50)) {
    const { results } = await guarded(() => client.tasks.getTasks({ uids }));
    const pending = results.find((task) => !FINISHED_TASKS.has(task.status));
    if (!pending) {
      const failed = results.find((task) => task.status !== 'succeeded');
      if (failed) throw new Error(`Meilisearch task ${failed.uid} ${failed.status}: ${failed.error?.message ?? 'no detail'}`);
      return;
    }
    if (Date.now() > deadline) throw new StoreUnavailableError(`Meilisearch task ${pending.uid} still ${pending.status} after ${TASK_TIMEOUT_MS} ms`);
    await sleep(pause);
  }
}

const TASK_TIMEOUT_MS = 60_000;
const FINE_POLL_MS = 4;
const FINE_POLLING_FOR_MS = 300;

/** A value quoted for a Meilisearch filter expression: user input never reaches a filter unescaped. */
export function filterValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function filterIn(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(filterValue).join(', ')}]`;
}
