/** Strings that try to break out of a Meilisearch filter, a URL, JSON or markup, or that are merely strange: for every parameter that takes text. */
export const INJECTIONS = [
  '"',
  '\\',
  '\\"',
  '""',
  "'",
  '" OR lang = "vi',
  'x" OR lang = "vi" OR lang = "x',
  'vi" OR "1" = "1',
  ') OR (',
  '") OR (lang = "vi',
  'fr OR lang = vi',
  'lang = "vi"',
  'speakerId EXISTS',
  '" OR speakerId EXISTS OR "',
  'le-hoai-trung" OR speakerId != "x',
  '\\" OR articleId != \\"',
  'x\\" OR lang = \\"vi',
  'NOT',
  'TO',
  '1 TO 99999999999999',
  '_geoRadius(0, 0, 1)',
  '*',
  '[',
  ']',
  '{"$ne": null}',
  '\u0000',
  'a\u0000" OR lang = "fr',
  '%00',
  '%22 OR %22',
  "' OR '1'='1",
  '\n OR lang = "vi"',
  '\r\n',
  '\u202e" RO gnal',
  '🙂😀" OR "',
  '\ud800',
  'ℌ𝔢𝔩𝔩𝔬',
  'اللغة العربية',
  'Lê Hoài Trung" OR lang = "vi',
  'x'.repeat(5000),
  '"'.repeat(5000),
  '\\'.repeat(4999),
];

/** Whether a string can go into a URL (a lone surrogate cannot: no client could send it). */
export function encodable(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}
