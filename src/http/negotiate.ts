/**
 * The offered media type the client prefers by its Accept header (q-values, exact types over wildcards); the first
 * offered type when nothing in the header matches or there is no header.
 */
export function preferredType(accept: string | undefined, offered: readonly [string, ...string[]]): string {
  if (!accept) return offered[0];
  let best = { type: offered[0], q: 0, exact: false };
  for (const range of accept.split(',')) {
    const [mediaRange, ...params] = range.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    for (const type of offered) {
      const exact = mediaRange === type;
      const matches = exact || mediaRange === '*/*' || mediaRange === `${type.split('/')[0]}/*`;
      if (matches && (q > best.q || (q === best.q && exact && !best.exact))) best = { type, q, exact };
    }
  }
  return best.type;
}
