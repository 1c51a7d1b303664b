import t from 'tap';
import { writeFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  collectArticleFiles,
  InputError,
  iterateArticles,
  MAX_ARTICLE_BYTES,
  readArticles,
  readTextArticle,
  textMetadata,
} from '../../../src/ingestion/read/index.ts';

t.test('textMetadata', async (t) => {
  t.same(textMetadata(' date 2025-09-16 Xem video:\n\nTại hội nghị …'), { publishedAt: '2025-09-16' }, 'date prefix, words after');
  t.same(textMetadata('Body.\nSource : https://baochinhphu.vn/a-1.htm\nKomentar (0)'), {
    sourceUrl: 'https://baochinhphu.vn/a-1.htm',
  });
  t.same(textMetadata('Body.\nSumber: https://vietnamnet.vn/x.html'), { sourceUrl: 'https://vietnamnet.vn/x.html' });
  t.same(textMetadata('Body.\nNguồn: https://tuoitre.vn/y.htm.'), { sourceUrl: 'https://tuoitre.vn/y.htm' }, 'trailing dot dropped');
  t.same(textMetadata('Body.\nNgu\u00f4\u0300n: https://tuoitre.vn/z'), { sourceUrl: 'https://tuoitre.vn/z' }, 'decomposed Nguồn');
  t.same(textMetadata('Body.\nSource: https://example.com/en'), { sourceUrl: 'https://example.com/en' });
  t.same(textMetadata('Terima kasih!\n[iklan_2]\nSumber\nKomentar (0)'), {}, 'Sumber without a URL → nothing');
  t.same(textMetadata('Sumber: kantor berita'), {}, 'Sumber with no URL → nothing');
  t.same(textMetadata(' date 2025-02-30 x'), {}, 'impossible date ignored');
  t.same(textMetadata('The update date 2025-09-16 was mentioned'), {}, 'date must start a line');
  t.same(textMetadata('Title: Hello world\nbody'), { title: 'Hello world' });
  t.same(textMetadata(''), {});

  // the shapes real articles end with: a source line then a comment counter, a bare "Sumber", a date prefix
  t.equal(textMetadata('Body text.\nSumber: https://news.example.id/menteri-berkata-123.html\nKomentar (0)').sourceUrl, 'https://news.example.id/menteri-berkata-123.html');
  t.same(textMetadata('Body text.\n[iklan_2]\nSumber\nKomentar (0)'), {}, 'a bare "Sumber" names nothing');
  t.same(textMetadata(' date 2024-03-01 Xem video:\n\nNội dung.'), { publishedAt: '2024-03-01' });

  const big = 'Lorem ipsum dolor sit amet. '.repeat(150_000) + '\nSource: https://example.com/big';
  t.equal(textMetadata(big).sourceUrl, 'https://example.com/big');
});

t.test('readTextArticle keeps the text verbatim', async (t) => {
  const text = ' date 2025-09-16 Xem video:\r\n\r\n"Quote," ông nói.\nNguồn: https://a.vn/b\n';
  t.same(readTextArticle('x', text), { id: 'x', text, publishedAt: '2025-09-16', sourceUrl: 'https://a.vn/b' });
});

t.test('.txt files', async (t) => {
  const dir = t.testdir({
    'story-1.txt': ' date 2025-09-16 Xem video:\n\n"Một câu," ông nói.\nNguồn: https://a.vn/b\n',
    'plain.TXT': 'No metadata here.',
  });
  const [a] = await readArticles(path.join(dir, 'story-1.txt'));
  t.same(a, {
    id: 'story-1',
    text: ' date 2025-09-16 Xem video:\n\n"Một câu," ông nói.\nNguồn: https://a.vn/b\n',
    publishedAt: '2025-09-16',
    sourceUrl: 'https://a.vn/b',
  });
  t.same(await readArticles(path.join(dir, 'plain.TXT')), [{ id: 'plain', text: 'No metadata here.' }]);

  // the text is kept verbatim, metadata lines included, so quote offsets index it
  const verbatim = 'Ministre, Le X - Photo : A/B\n« Une phrase », a déclaré M. X.\nSource : https://a.example/b.htm\nComment (0)';
  writeFileSync(path.join(dir, 'verbatim.txt'), verbatim);
  const [s] = await readArticles(path.join(dir, 'verbatim.txt'));
  t.equal(s!.id, 'verbatim');
  t.equal(s!.text, verbatim);
});

t.test('.html files', async (t) => {
  const html = `<!doctype html><html lang="fr-FR"><head>
    <title>Le ministre s'exprime | Le Journal</title>
    <meta property="og:title" content="Le ministre s'exprime">
    <meta property="og:url" content="https://journal.example.fr/monde/ministre">
    <meta property="og:site_name" content="Le Journal">
    <meta property="article:published_time" content="2025-09-16T08:00:00+07:00">
    <style>.x { color: red }</style>
    <script>window.tracker = "SCRIPT_IN_HEAD";</script>
  </head><body>
    <nav><a href="/">Accueil</a><a href="/monde">Monde</a></nav>
    <article>
      <h1>Le ministre s'exprime</h1>
      <p>Lors de la conférence, le ministre a pris la parole devant les délégués réunis à Hanoï pour la journée.</p>
      <script>document.write("SCRIPT_IN_BODY")</script>
      <p>« Nous devons passer d'un état d'esprit de réception à celui de contribution », a déclaré le ministre.</p>
      <p>Il a ajouté que l'intégration internationale restait une priorité pour les années à venir, selon lui.</p>
      <p>Source : https://baochinhphu.vn/nghi-quyet-59.htm</p>
    </article>
    <footer>© 2025 Le Journal</footer>
  </body></html>`;
  const dir = t.testdir({
    'page.html': html,
    'short.htm': '<p>Un seul paragraphe.</p><script>alert("x")</script>',
    'scripts-only.html': '<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>',
    'time.html': '<html><body><article><time datetime="2024-03-01">1 mars</time><p>Texte de l\'article.</p></article></body></html>',
  });
  const [a] = await readArticles(path.join(dir, 'page.html'));
  t.equal(a!.id, 'page');
  t.equal(a!.title, "Le ministre s'exprime");
  t.equal(a!.url, 'https://journal.example.fr/monde/ministre');
  t.equal(a!.outlet, 'Le Journal');
  t.equal(a!.publishedAt, '2025-09-16T08:00:00+07:00');
  t.equal(a!.lang, 'fr');
  t.equal(a!.sourceUrl, 'https://baochinhphu.vn/nghi-quyet-59.htm');
  t.notMatch(a!.text, /SCRIPT_IN|color: red|Accueil/, 'no scripts, styles or navigation in the text');
  t.match(a!.text, /« Nous devons passer d'un état d'esprit de réception à celui de contribution », a déclaré le ministre\./);
  t.match(a!.text, /Hanoï pour la journée\.\n\n« Nous/, 'paragraphs separated by a blank line');

  const [s] = await readArticles(path.join(dir, 'short.htm'));
  t.equal(s!.text, 'Un seul paragraphe.');
  await t.rejects(readArticles(path.join(dir, 'scripts-only.html')), { name: 'InputError', message: /no article text/ });
  const [tm] = await readArticles(path.join(dir, 'time.html'));
  t.equal(tm!.publishedAt, '2024-03-01');
});

t.test('.json and .ndjson files', async (t) => {
  const one = { id: 'a1', text: 'Texte.', lang: 'fr', url: 'https://x.fr/a1', title: 'T', outlet: 'O', publishedAt: '2025-09-16', translationOf: 'a0', extra: 1 };
  const dir = t.testdir({
    'one.json': JSON.stringify(one),
    'many.json': JSON.stringify([{ id: 'b1', text: 'One.' }, { id: 'b2', text: 'Two.\nSumber: https://v.vn/2', url: null }]),
    'bad-field.json': JSON.stringify([{ id: 'c1', text: 'ok' }, { id: 'c2', text: 42 }]),
    'missing.json': JSON.stringify({ text: 'no id' }),
    'wrong-shape.json': '"just a string"',
    'empty-array.json': '[]',
    'syntax.json': '{"id": "x", ',
    'deep.json': '['.repeat(5000) + ']'.repeat(5000),
    'lines.ndjson': [
      JSON.stringify({ id: 'n1', text: 'First.' }),
      '',
      JSON.stringify({ id: 'n2', text: 'Second.', lang: 'vi-VN' }) + '\r',
      '{"id": "n3", "text": }',
      JSON.stringify({ id: 'n4', text: 'Fourth.' }),
    ].join('\n'),
    'ok.jsonl': JSON.stringify({ id: 'j1', text: 'x' }) + '\n' + JSON.stringify({ id: 'j2', text: 'y' }) + '\n',
    'blank.ndjson': '\n\n  \n',
  });
  t.same(await readArticles(path.join(dir, 'one.json')), [
    { id: 'a1', text: 'Texte.', lang: 'fr', url: 'https://x.fr/a1', title: 'T', outlet: 'O', publishedAt: '2025-09-16', translationOf: 'a0' },
  ]);
  t.same(await readArticles(path.join(dir, 'many.json')), [
    { id: 'b1', text: 'One.' },
    { id: 'b2', text: 'Two.\nSumber: https://v.vn/2', sourceUrl: 'https://v.vn/2' },
  ]);
  await t.rejects(readArticles(path.join(dir, 'bad-field.json')), {
    name: 'InputError',
    message: /bad-field\.json: article #1: text: must be a string/,
    field: 'text',
  });
  await t.rejects(readArticles(path.join(dir, 'missing.json')), { message: /missing\.json: id: is required/ });
  await t.rejects(readArticles(path.join(dir, 'wrong-shape.json')), { message: /expected an article object.*got string/ });
  await t.rejects(readArticles(path.join(dir, 'empty-array.json')), { message: /no articles/ });
  await t.rejects(readArticles(path.join(dir, 'syntax.json')), { message: /syntax\.json: invalid JSON/ });
  await t.rejects(readArticles(path.join(dir, 'deep.json')), { message: /nested deeper than/ });

  await t.rejects(readArticles(path.join(dir, 'lines.ndjson')), {
    name: 'InputError',
    line: 4,
    message: /lines\.ndjson: line 4: invalid JSON/,
  });
  const bad: InputError[] = [];
  const got = await readArticles(path.join(dir, 'lines.ndjson'), { onInvalid: (e) => bad.push(e) });
  t.same(got.map((a) => a.id), ['n1', 'n2', 'n4'], 'the good lines are kept with onInvalid');
  t.equal(got[1]!.lang, 'vi');
  t.same(bad.map((e) => e.line), [4]);
  t.same((await readArticles(path.join(dir, 'ok.jsonl'))).map((a) => a.id), ['j1', 'j2']);
  await t.rejects(readArticles(path.join(dir, 'blank.ndjson')), { message: /no articles/ });

  // streaming: articles come one by one
  const ids: string[] = [];
  for await (const a of iterateArticles(path.join(dir, 'ok.jsonl'))) ids.push(a.id);
  t.same(ids, ['j1', 'j2']);
});

t.test('bad files: one clear InputError each', async (t) => {
  const dir = t.testdir({ 'empty.txt': '', 'blank.txt': ' \n\t\n', 'noext': 'hello', 'doc.pdf': '%PDF-1.4' });
  await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  await writeFile(path.join(dir, 'controls.txt'), Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))));
  await writeFile(path.join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('line one\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]));
  await writeFile(path.join(dir, 'latin1.ndjson'), Buffer.concat([Buffer.from('{"id":"a","text":"ok"}\n{"id":"b","text":"Caf'), Buffer.from([0xe9, 0x22, 0x7d])]));
  await writeFile(path.join(dir, 'huge.txt'), Buffer.alloc(MAX_ARTICLE_BYTES + 1, 'a'));
  await writeFile(path.join(dir, 'huge.ndjson'), JSON.stringify({ id: 'h', text: 'a'.repeat(2000) }) + '\n');

  const cases: [string, RegExp][] = [
    ['empty.txt', /empty\.txt: empty file/],
    ['blank.txt', /blank\.txt: empty file \(only whitespace\)/],
    ['binary.txt', /binary\.txt: binary content/],
    ['controls.txt', /controls\.txt: binary content/],
    ['latin1.txt', /latin1\.txt: invalid UTF-8 at byte 12 \(line 2\)/],
    ['latin1.ndjson', /latin1\.ndjson: line 2: invalid UTF-8/],
    ['huge.txt', /huge\.txt: file too large \(5\.0 MB; the limit is 5\.0 MB\)/],
    ['noext', /unsupported file type "\(no extension\)"/],
    ['doc.pdf', /doc\.pdf: unsupported file type "\.pdf": expected one of \.txt, \.html/],
    ['missing.txt', /missing\.txt: no such file/],
    ['missing.pdf', /missing\.pdf: no such file/],
  ];
  for (const [name, message] of cases) {
    await t.rejects(readArticles(path.join(dir, name)), { name: 'InputError', message }, name);
  }
  await t.rejects(readArticles(path.join(dir, 'huge.ndjson'), { maxBytes: 1000 }), { message: /line 1: line too long/ });
  await t.rejects(readArticles(dir), { message: /is a directory/ });
  const err = await readArticles(path.join(dir, 'empty.txt')).catch((e: unknown) => e);
  t.ok(err instanceof InputError);
  t.notMatch((err as Error).message, /\n/, 'one line');
});

t.test('collectArticleFiles', async (t) => {
  const dir = t.testdir({
    b: { 'z.txt': 'z', 'a.html': '<p>a</p>', 'notes.md': '# no', '.hidden.txt': 'h', sub: { 'c.ndjson': '{}' } },
    'a.json': '{}',
    '.git': { 'x.txt': 'x' },
  });
  await mkdir(path.join(dir, 'b', 'sub', 'deeper'));
  await symlink(path.join(dir, 'b'), path.join(dir, 'b', 'sub', 'deeper', 'loop'));
  const files = await collectArticleFiles([dir, path.join(dir, 'a.json'), path.join(dir, 'explicit.pdf')]);
  t.same(
    files.map((f) => path.relative(dir, f)),
    ['a.json', 'b/a.html', 'b/sub/c.ndjson', 'b/z.txt', 'explicit.pdf'],
    'recursive, sorted, supported only, hidden skipped, no duplicates, explicit files kept, symlink loop survived',
  );
});
