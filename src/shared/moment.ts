/**
 * A moment other work waits for: `reached` settles the first time `reach` is called, later calls change nothing
 * (`Promise.withResolvers`, which Node 20 lacks).
 */
export function moment(): { reached: Promise<void>; reach: () => void } {
  let reach = () => {};
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { reached, reach };
}
