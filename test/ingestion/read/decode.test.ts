import t from 'tap';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { firstInvalidUtf8 } from '../../../src/ingestion/read/decode.ts';
import { readArticles } from '../../../src/ingestion/read/index.ts';

t.test('firstInvalidUtf8', async (t) => {
  const b = (...x: number[]) => Uint8Array.from(x);
  t.equal(firstInvalidUtf8(Buffer.from('Lê Hoài Trung « ok » 😀')), Buffer.byteLength('Lê Hoài Trung « ok » 😀'), 'valid');
  t.equal(firstInvalidUtf8(b(0x41, 0xc0, 0x80)), 1, 'overlong 2-byte');
  t.equal(firstInvalidUtf8(b(0x41, 0x42, 0xe0, 0x80, 0x80)), 2, 'overlong 3-byte');
  t.equal(firstInvalidUtf8(b(0xed, 0xa0, 0x80)), 0, 'surrogate');
  t.equal(firstInvalidUtf8(b(0xf4, 0x90, 0x80, 0x80)), 0, 'above U+10FFFF');
  t.equal(firstInvalidUtf8(b(0x41, 0xe1, 0xbb)), 1, 'truncated');
  t.equal(firstInvalidUtf8(b(0x80)), 0, 'stray continuation');
});

t.test('HTML declaring another charset is decoded with it', async (t) => {
  const dir = t.testdir();
  const file = path.join(dir, 'latin.html');
  await writeFile(
    file,
    Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait.</p></body></html>'),
    ]),
  );
  const [a] = await readArticles(file);
  t.equal(a!.text, 'Café au lait.');
});
