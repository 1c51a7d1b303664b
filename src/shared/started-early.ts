/**
 * Work started now and awaited later: should it fail before then (an earlier step failing first, so that it is never
 * awaited), its failure is not an unhandled rejection; whoever awaits it still gets the failure.
 */
export function startedEarly<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}
