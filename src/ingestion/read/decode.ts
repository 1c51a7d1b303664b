import { InputError } from './errors.ts';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Rejects binary content: any NUL byte, or more than 10 % control bytes in the first 8 KiB. */
export function assertNotBinary(bytes: Uint8Array, file?: string): void {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) throw new InputError('binary content (NUL bytes), not a text file', { file });
    // control characters other than tab, LF, VT, FF, CR, ESC
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
    else if (b === 0x7f) control++;
  }
  if (n > 0 && control / n > 0.1) throw new InputError('binary content (mostly non-text bytes), not a text file', { file });
}

/** Decodes strict UTF-8 (a leading BOM is dropped); invalid sequences → InputError with the byte offset and line. */
export function decodeUtf8(bytes: Uint8Array, file?: string, line?: number): string {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let lineNo = line;
    if (lineNo === undefined) {
      lineNo = 1;
      for (let i = 0; i < at; i++) if (bytes[i] === 10) lineNo++;
    }
    throw new InputError(`invalid UTF-8 at byte ${at}${line === undefined ? ` (line ${lineNo})` : ''}; save the file as UTF-8`, {
      file,
      line,
    });
  }
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
