/**
 * Article files → ArticleInput: `.txt` (plain text as in the seeds, metadata read from it), `.html`/`.htm`
 * (Readability), `.json` (one article object or an array), `.ndjson`/`.jsonl` (one article per line, streamed).
 * Every problem is an InputError whose message names the file (and line / field) and says what is wrong.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { ArticleInput } from '../types.ts';
import { assertNotBinary, decodeUtf8 } from './decode.ts';
import { InputError } from './errors.ts';
import { parseJson, toArticle } from './json.ts';
import { readTextArticle } from './text.ts';

export { InputError } from './errors.ts';
export { metadataLines, readTextArticle, textMetadata, type TextMetadata } from './text.ts';
export { readJsonArticles, toArticle, MAX_JSON_DEPTH } from './json.ts';

/** Largest article accepted: a .txt/.html file, one .ndjson line, one article's text. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** Largest .json file (parsed at once; use .ndjson for bigger batches, it is streamed). */
export const MAX_JSON_FILE_BYTES = 64 * 1024 * 1024;

export const ARTICLE_EXTENSIONS = ['.txt', '.html', '.htm', '.json', '.ndjson', '.jsonl'] as const;
type Kind = 'text' | 'html' | 'json' | 'ndjson';
const KIND: Record<string, Kind> = {
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

export interface ReadOptions {
  /** Size limit per article (default MAX_ARTICLE_BYTES). */
  maxBytes?: number;
  /**
   * For files holding several articles (.json arrays, .ndjson): report an invalid record here and go on with the
   * others. Without it, the first invalid record throws.
   */
  onInvalid?: (err: InputError) => void;
}

export function isArticleFile(file: string): boolean {
  return path.extname(file).toLowerCase() in KIND;
}

/** Reads one article file; throws InputError (never anything else for bad input). */
export async function readArticles(file: string, opts: ReadOptions = {}): Promise<ArticleInput[]> {
  const out: ArticleInput[] = [];
  for await (const a of iterateArticles(file, opts)) out.push(a);
  return out;
}

/** Like readArticles, but yields articles as they are read (.ndjson files of any size stay out of memory). */
export async function* iterateArticles(file: string, opts: ReadOptions = {}): AsyncGenerator<ArticleInput> {
  const maxBytes = opts.maxBytes ?? MAX_ARTICLE_BYTES;
  const ext = path.extname(file).toLowerCase();
  const st = await statFile(file);
  const kind = KIND[ext];
  if (!kind) {
    throw new InputError(
      `unsupported file type "${ext || '(no extension)'}": expected one of ${ARTICLE_EXTENSIONS.join(', ')}`,
      { file },
    );
  }
  if (st.size === 0) throw new InputError('empty file', { file });
  const limit = kind === 'ndjson' ? Infinity : kind === 'json' ? Math.max(MAX_JSON_FILE_BYTES, maxBytes) : maxBytes;
  if (st.size > limit) throw new InputError(`file too large (${mb(st.size)}; the limit is ${mb(limit)})`, { file });

  if (kind === 'ndjson') {
    yield* readNdjson(file, maxBytes, opts.onInvalid);
    return;
  }

  const bytes = await readBytes(file);
  assertNotBinary(bytes, file);
  const id = path.basename(file, path.extname(file));
  if (kind === 'text') {
    const text = decodeUtf8(bytes, file);
    if (text.trim() === '') throw new InputError('empty file (only whitespace)', { file });
    yield readTextArticle(id, text);
    return;
  }
  if (kind === 'html') {
    const html = decodeHtml(bytes, file);
    if (html.trim() === '') throw new InputError('empty file (only whitespace)', { file });
    // The HTML reader (linkedom, Readability) loads on the first page read: half a second every start would pay.
    const { readHtmlArticle } = await import('./html.ts');
    const article = readHtmlArticle(id, html);
    if (article.text.trim() === '') throw new InputError('no article text found in this HTML page', { file });
    yield article;
    return;
  }
  const text = decodeUtf8(bytes, file);
  if (text.trim() === '') throw new InputError('empty file (only whitespace)', { file });
  const value = parseJson(text, { file });
  const records = Array.isArray(value) ? value : [value];
  if (records.length === 0) throw new InputError('empty JSON array: no articles', { file });
  for (let i = 0; i < records.length; i++) {
    try {
      const a = toArticle(records[i], { file, index: Array.isArray(value) ? i : undefined });
      checkTextSize(a, maxBytes, { file });
      yield a;
    } catch (err) {
      if (opts.onInvalid && err instanceof InputError) opts.onInvalid(err);
      else throw err;
    }
  }
}

async function* readNdjson(
  file: string,
  maxBytes: number,
  onInvalid: ((err: InputError) => void) | undefined,
): AsyncGenerator<ArticleInput> {
  let lineNo = 0;
  let articles = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let checkedBinary = false;

  const handle = (buf: Buffer): ArticleInput | undefined => {
    lineNo++;
    const where = { file, line: lineNo };
    if (buf.length > maxBytes) throw new InputError(`line too long (${mb(buf.length)}; the limit is ${mb(maxBytes)})`, where);
    if (buf.includes(0)) throw new InputError('binary content (NUL bytes), not a text file', where);
    const line = decodeUtf8(buf, file, lineNo);
    if (line.trim() === '') return undefined;
    const a = toArticle(parseJson(line, where), where);
    checkTextSize(a, maxBytes, where);
    return a;
  };
  const guarded = (buf: Buffer): ArticleInput | undefined => {
    try {
      return handle(buf);
    } catch (err) {
      if (onInvalid && err instanceof InputError && err.line !== undefined) {
        onInvalid(err);
        return undefined;
      }
      throw err;
    }
  };

  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!checkedBinary) {
        checkedBinary = true;
        assertNotBinary(chunk.subarray(0, 8192), file);
      }
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        const part = chunk.subarray(start, nl);
        const line = pending.length ? Buffer.concat([...pending, part]) : part;
        pending = [];
        pendingBytes = 0;
        start = nl + 1;
        const a = guarded(stripCr(line));
        if (a) {
          articles++;
          yield a;
        }
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > maxBytes) {
          throw new InputError(`line too long (over the ${mb(maxBytes)} limit)`, { file, line: lineNo + 1 });
        }
      }
    }
    if (pendingBytes > 0) {
      const a = guarded(stripCr(Buffer.concat(pending)));
      if (a) {
        articles++;
        yield a;
      }
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fsError(err, file);
  } finally {
    stream.destroy();
  }
  if (articles === 0 && !onInvalid) throw new InputError('no articles in this file (only blank lines)', { file });
}

function stripCr(b: Buffer): Buffer {
  return b.length && b[b.length - 1] === 13 ? b.subarray(0, b.length - 1) : b;
}

function checkTextSize(a: ArticleInput, maxBytes: number, where: { file?: string; line?: number }): void {
  const n = Buffer.byteLength(a.text);
  if (n > maxBytes) {
    throw new InputError(`article "${a.id}" is too large (${mb(n)} of text; the limit is ${mb(maxBytes)})`, {
      ...where,
      field: 'text',
    });
  }
}

/** HTML is UTF-8 unless its <meta charset> says otherwise (and names an encoding we know). */
function decodeHtml(bytes: Uint8Array, file: string): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // unknown label: try UTF-8
    }
  }
  return decodeUtf8(bytes, file);
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

async function statFile(file: string) {
  try {
    const st = await fsp.stat(file);
    if (st.isDirectory()) throw new InputError('is a directory, not a file', { file });
    if (!st.isFile()) throw new InputError('not a regular file', { file });
    return st;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fsError(err, file);
  }
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await fsp.readFile(file);
  } catch (err) {
    throw fsError(err, file);
  }
}

function fsError(err: unknown, file: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const what =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
  return new InputError(what, { file });
}

/**
 * Expands the given paths: directories recursively to their article files (sorted; hidden entries skipped), files as
 * given (an unsupported or missing file stays in the list so that reading it reports why). No duplicates.
 */
export async function collectArticleFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await fsp.realpath(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(real)) return; // symlink loop
    visitedDirs.add(real);
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    const names = entries.filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules').map((e) => e.name);
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const p = path.join(dir, name);
      const st = await fsp.stat(p).catch(() => undefined);
      if (!st) continue;
      if (st.isDirectory()) await walk(p);
      else if (st.isFile() && isArticleFile(p)) add(p);
    }
  };
  for (const p of paths) {
    const st = await fsp.stat(p).catch(() => undefined);
    if (st?.isDirectory()) await walk(p);
    else add(p);
  }
  return out;
}
