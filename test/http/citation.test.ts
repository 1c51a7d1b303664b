import t from 'tap';
import { buildSeeded, VI_URL } from './fixtures.ts';

t.test('citation styles state speaker, role, outlet, date, URL, language and the original language', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const translated = quoteOf('id-trung').id;
  const citation = (id: string, style: string) => app.inject({ url: `/quotes/${id}/citation`, query: { style } });

  const text = await citation(translated, 'text');
  t.equal(text.statusCode, 200);
  t.match(text.headers['content-type'], /^text\/plain; charset=utf-8/);
  for (const part of ['Dalam periode renovasi', 'Le Hoai Trung', 'Penjabat Menteri Luar Negeri', 'VNA', '2025-09-17', 'https://vietnam.vnanet.vn/id/le-hoai-trung-integrasi.html', 'Indonesian, translated from Vietnamese']) {
    t.match(text.body, part, `text has ${part}`);
  }
  t.equal((await app.inject(`/quotes/${translated}/citation`)).body, text.body, 'text is the default style');

  const original = await citation(quoteOf('vi-trung').id, 'text');
  t.match(original.body, '(Vietnamese)');
  t.notMatch(original.body, 'translated from', 'the original is not a translation');

  const markdown = await citation(translated, 'markdown');
  t.match(markdown.headers['content-type'], /^text\/markdown/);
  t.match(markdown.body, /^> Dalam periode renovasi/);
  t.match(markdown.body, '[Le Hoai Trung: integrasi internasional](https://vietnam.vnanet.vn/id/le-hoai-trung-integrasi.html)');
  t.match(markdown.body, '*Indonesian, translated from Vietnamese*');

  const html = await citation(translated, 'html');
  t.match(html.headers['content-type'], /^text\/html; charset=utf-8/);
  t.match(html.body, /^<blockquote class="polyquote-citation" lang="id" cite="https:\/\/vietnam\.vnanet\.vn\/id\/le-hoai-trung-integrasi\.html">/);
  t.match(html.body, '<cite>Le Hoai Trung</cite>, Penjabat Menteri Luar Negeri');
  t.match(html.body, '<time datetime="2025-09-17">');

  const csl = await citation(translated, 'csl-json');
  t.match(csl.headers['content-type'], /^application\/vnd\.citationstyles\.csl\+json/);
  const [item] = csl.json();
  t.match(item, {
    id: translated,
    type: 'article-newspaper',
    title: 'Le Hoai Trung: integrasi internasional',
    'container-title': 'VNA',
    URL: 'https://vietnam.vnanet.vn/id/le-hoai-trung-integrasi.html',
    issued: { 'date-parts': [[2025, 9, 17]] },
    language: 'id',
    custom: { speaker: 'Le Hoai Trung', role: 'Penjabat Menteri Luar Negeri', translatedFrom: 'vi', originalQuoteId: quoteOf('vi-trung').id },
  });
  t.match(item.custom.quoteUrl, new RegExp(`/quotes/${translated}$`));

  const unknownStyle = await citation(translated, 'bibtex');
  t.equal(unknownStyle.statusCode, 400);
  t.equal(unknownStyle.json().errors[0].parameter, 'style');
  t.equal((await citation('no-such-quote', 'text')).statusCode, 404);
});

t.test('hostile article metadata is escaped in HTML and Markdown, and javascript: URLs are never linked', async (t) => {
  const { app, auth } = await buildSeeded(t);
  const hostile = {
    id: 'hostile',
    lang: 'en',
    url: 'javascript:alert(1)',
    title: '</blockquote><script>alert("t")</script>',
    outlet: '<img src=x onerror=alert(1)>',
    text: '"Tags like <b>bold</b> & <script>alert(\'x\')</script> must stay text, [link](javascript:alert(1))," said John Smith, the <i>minister</i>.',
  };
  const ingested = await app.inject({ method: 'POST', url: '/articles', headers: auth, payload: hostile });
  t.equal(ingested.statusCode, 200, ingested.body);
  const id = ingested.json().quotes[0]?.id;
  t.ok(id, 'the quote was extracted');
  const html = (await app.inject(`/quotes/${id}/citation?style=html`)).body;
  t.notMatch(html, /<script|<img|<b>|<\/blockquote><|(href|cite)="javascript:/i, 'no live markup and no javascript: link');
  t.match(html, '&#60;script&#62;');
  t.match(html, '&#60;img src=x onerror=alert(1)&#62;');
  const markdown = (await app.inject(`/quotes/${id}/citation?style=markdown`)).body;
  t.notMatch(markdown, /\]\(javascript:/, 'no Markdown link to javascript:');
  t.match(markdown, '\\[link\\]\\(javascript:alert\\(1\\)\\)', 'brackets in the quote are escaped');
});

t.test('Accept: application/ld+json gives a schema.org Quotation', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const translatedId = quoteOf('id-trung').id;
  const originalId = quoteOf('vi-trung').id;
  const response = await app.inject({ url: `/quotes/${translatedId}`, headers: { accept: 'application/ld+json', host: 'quotes.example' } });
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^application\/ld\+json/);
  t.match(response.headers.vary, /Accept/);
  const ld = response.json();
  t.match(ld, {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    '@id': `http://quotes.example/quotes/${translatedId}`,
    inLanguage: 'id',
    spokenByCharacter: { '@type': 'Person', name: 'Le Hoai Trung', '@id': 'http://quotes.example/speakers/le-hoai-trung', jobTitle: 'Penjabat Menteri Luar Negeri' },
    creator: { '@type': 'Person', name: 'Le Hoai Trung' },
    isBasedOn: { '@type': 'Quotation', '@id': `http://quotes.example/quotes/${originalId}`, inLanguage: 'vi' },
    citation: { '@type': 'NewsArticle', url: 'https://vietnam.vnanet.vn/id/le-hoai-trung-integrasi.html', publisher: { name: 'VNA' }, datePublished: '2025-09-17' },
  });
  t.match(ld.text, /^Dalam periode renovasi/);

  const original = (await app.inject({ url: `/quotes/${originalId}`, headers: { accept: 'application/ld+json' } })).json();
  t.notOk(original.isBasedOn, 'the original is based on nothing');
  t.same(original.workTranslation.map((w: { inLanguage: string }) => w.inLanguage), ['id']);
  t.equal(original.citation.url, VI_URL);

  const preferJson = await app.inject({ url: `/quotes/${translatedId}`, headers: { accept: 'application/json, application/ld+json;q=0.5' } });
  t.match(preferJson.headers['content-type'], /^application\/json/);
  t.equal(preferJson.json().id, translatedId);
  const browser = await app.inject({ url: `/quotes/${translatedId}`, headers: { accept: 'text/html,*/*;q=0.8' } });
  t.match(browser.headers['content-type'], /^text\/html/, 'a browser gets the permalink page (quote-page.test.ts)');
  const missing = await app.inject({ url: '/quotes/nope', headers: { accept: 'application/ld+json' } });
  t.equal(missing.statusCode, 404);
  t.match(missing.headers['content-type'], /problem\+json/);
});
