const PLAIN = /^[A-Za-z0-9]*$/;

/** Diacritics-insensitive form used for ids, matching and Meilisearch filters (đ is a letter of its own, not a mark). */
export function fold(text: string): string {
  // Most words of most texts here are plain ASCII letters and digits: case is all there is to fold.
  if (PLAIN.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A stable, URL-safe id from any spelling of a name. */
export function slug(text: string): string {
  return fold(text).replace(/ /g, '-').slice(0, 80);
}
