import t from 'tap';
import { parseHTML } from 'linkedom';
import { QuotationLdSchema } from '../../src/schemas/jsonld.ts';
import { buildSeeded, VI_URL } from './fixtures.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const HOST = 'polyquote.example';

/** linkedom leaves character references in a textarea's text (a browser decodes them); the page writes numeric ones. */
const decodeReferences = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

const metaContent = (document: Document, key: string) =>
  document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;

t.test('content negotiation on /quotes/{id}: HTML for browsers and CMSs, JSON for programs', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const id = quoteOf('id-trung').id;
  const get = (accept?: string) => app.inject({ url: `/quotes/${id}`, headers: { host: HOST, ...(accept ? { accept } : {}) } });

  for (const accept of [BROWSER_ACCEPT, 'text/html', 'text/html, application/xhtml+xml', 'application/json;q=0.5, text/html']) {
    const response = await get(accept);
    t.equal(response.statusCode, 200, accept);
    t.match(response.headers['content-type'], /^text\/html; charset=utf-8/, `${accept}: the page`);
  }
  for (const accept of [undefined, '*/*', 'application/json', 'text/html;q=0.5, application/json']) {
    const response = await get(accept);
    t.match(response.headers['content-type'], /^application\/json/, `${accept ?? 'no Accept'}: the JSON`);
    t.equal(response.json().url, `http://${HOST}/quotes/${id}`, 'which carries the permalink');
  }
  t.match((await get('application/ld+json')).json(), { '@type': 'Quotation', '@id': `http://${HOST}/quotes/${id}` });

  const page = await get(BROWSER_ACCEPT);
  t.equal(page.headers.vary, 'Accept');
  const csp = String(page.headers['content-security-policy']);
  t.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/, 'a strict CSP: no script at all');
  t.notMatch(csp, /unsafe/);
  const oembedUrl = `http://${HOST}/oembed?url=${encodeURIComponent(`http://${HOST}/quotes/${id}`)}&format=json`;
  t.match(page.headers.link, `<${oembedUrl}>; rel="alternate"; type="application/json+oembed"`, 'oEmbed in the Link header too');

  const cached = await get(BROWSER_ACCEPT);
  t.equal(cached.headers['x-cache'], 'HIT');
  t.equal(cached.headers['content-security-policy'], csp, 'a cached page keeps its CSP');
  t.equal(cached.headers['content-type'], page.headers['content-type']);
  t.equal((await app.inject({ url: '/quotes/no-such-quote', headers: { accept: BROWSER_ACCEPT } })).statusCode, 404);
});

t.test('the page of a translation: quote, speaker, role, source, original wording, languages, and the head for CMSs and citation tools', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const id = quoteOf('id-trung').id;
  const vi = quoteOf('vi-trung');
  const response = await app.inject({ url: `/quotes/${id}`, headers: { host: HOST, accept: BROWSER_ACCEPT } });
  const { document } = parseHTML(response.body);
  const url = `http://${HOST}/quotes/${id}`;

  t.match(document.querySelector('main blockquote')?.textContent, /^Dalam periode renovasi, kita memiliki lebih banyak kondisi/);
  t.equal(document.querySelector('main blockquote')?.getAttribute('lang'), 'id');
  t.match(document.querySelector('main figcaption')?.textContent, '— Le Hoai Trung, Penjabat Menteri Luar Negeri');
  const source = document.querySelector('dd a');
  t.equal(source?.getAttribute('href'), 'https://vietnam.vnanet.vn/id/le-hoai-trung-integrasi.html', 'links to the source article');
  t.match(document.querySelector('dl')?.textContent, /Le Hoai Trung: integrasi internasional, VNA, 2025-09-17/);
  t.match(document.querySelector('dl')?.textContent, 'Indonesian, translated from Vietnamese');
  const original = document.querySelector('.original');
  t.match(original?.querySelector('h2')?.textContent, 'Original wording (Vietnamese)');
  t.equal(original?.querySelector('blockquote')?.textContent, vi.text);
  t.equal(original?.querySelector('a[href^="https://vietnamnet"]')?.getAttribute('href'), VI_URL, "the original's source");

  const switcher = [...document.querySelectorAll('nav li')].map((li) => ({ link: li.querySelector('a')?.getAttribute('href'), text: li.textContent }));
  t.same(switcher.map((s) => s.link), [`http://${HOST}/quotes/${vi.id}`, undefined], 'the original first, linked; this version marked, not linked');
  t.match(switcher[0].text, /^Tiếng Việtoriginal/);
  t.equal(document.querySelector('nav [aria-current="page"]')?.textContent, 'Indonesia');

  // The head, as CMSs, social cards and citation tools read it.
  t.equal(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), url);
  const oembed = document.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute('href');
  t.equal(oembed, `http://${HOST}/oembed?url=${encodeURIComponent(url)}&format=json`);
  const card = await app.inject({ url: oembed!.replace(`http://${HOST}`, ''), headers: { host: HOST } });
  t.match(card.json(), { type: 'rich', author_name: 'Le Hoai Trung' }, 'the discovered endpoint answers for this quote');
  t.same(
    [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
    [
      ['vi', `http://${HOST}/quotes/${vi.id}`],
      ['id', url],
    ],
  );
  t.match(document.title, /^“Dalam periode renovasi.*” — Le Hoai Trung \| polyquote$/);
  t.match(metaContent(document, 'description'), 'Le Hoai Trung, Penjabat Menteri Luar Negeri · VNA · 2025-09-17 · Indonesian, translated from Vietnamese');
  t.match(
    Object.fromEntries(['og:type', 'og:title', 'og:description', 'og:url', 'og:site_name', 'twitter:card', 'twitter:title'].map((k) => [k, metaContent(document, k)])),
    { 'og:type': 'article', 'og:title': /^“Dalam periode renovasi/, 'og:description': /^Le Hoai Trung/, 'og:url': url, 'og:site_name': 'polyquote', 'twitter:card': 'summary', 'twitter:title': /Le Hoai Trung$/ },
  );
  t.match(
    Object.fromEntries(['citation_title', 'citation_author', 'citation_publication_date', 'citation_publisher', 'citation_language'].map((k) => [k, metaContent(document, k)])),
    { citation_title: /^Dalam periode renovasi/, citation_author: 'Le Hoai Trung', citation_publication_date: '2025/09/17', citation_publisher: 'VNA', citation_language: 'id' },
  );

  const scripts = document.querySelectorAll('script');
  t.equal(scripts.length, 1, 'one script element, and it is data');
  t.equal(scripts[0].getAttribute('type'), 'application/ld+json');
  const jsonLd = QuotationLdSchema.parse(JSON.parse(scripts[0].textContent ?? ''));
  t.match(jsonLd, {
    '@type': 'Quotation',
    '@id': url,
    inLanguage: 'id',
    text: /^Dalam periode renovasi/,
    spokenByCharacter: { '@type': 'Person', name: 'Le Hoai Trung', jobTitle: 'Penjabat Menteri Luar Negeri' },
    isBasedOn: { '@type': 'Quotation', '@id': `http://${HOST}/quotes/${vi.id}`, inLanguage: 'vi', text: vi.text },
    citation: { '@type': 'NewsArticle', headline: 'Le Hoai Trung: integrasi internasional', datePublished: '2025-09-17', publisher: { name: 'VNA' } },
  });

  const citations = Object.fromEntries([...document.querySelectorAll('textarea')].map((area) => [area.id, decodeReferences(area.textContent ?? '')]));
  t.same(Object.keys(citations), ['cite-text', 'cite-markdown', 'cite-html', 'cite-csl-json']);
  const styles = { 'cite-text': 'text', 'cite-markdown': 'markdown', 'cite-html': 'html' } as const;
  for (const [areaId, style] of Object.entries(styles)) {
    const served = await app.inject({ url: `/quotes/${id}/citation`, query: { style }, headers: { host: HOST } });
    t.equal(citations[areaId], served.body, `the ${style} citation, as /citation serves it`);
  }
  t.match(JSON.parse(citations['cite-csl-json']), [{ type: 'article-newspaper', custom: { quoteUrl: url, translatedFrom: 'vi' } }]);
  t.equal(document.querySelectorAll('textarea[readonly]').length, 4, 'copyable, not editable');
});

t.test('the page of an original lists its translations and has no original section', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const vi = quoteOf('vi-trung');
  const { document } = parseHTML((await app.inject({ url: `/quotes/${vi.id}`, headers: { accept: 'text/html' } })).body);
  t.equal(document.querySelector('.original'), null);
  t.match(document.querySelector('dl')?.textContent, /Vietnamese\s*original/);
  t.same(
    [...document.querySelectorAll('nav li a')].map((a) => a.getAttribute('hreflang')),
    ['id'],
  );
  t.equal(metaContent(document, 'citation_author'), 'Lê Hoài Trung');
  t.equal(JSON.parse(document.querySelector('script')?.textContent ?? '').workTranslation[0].inLanguage, 'id');
});

t.test('every stored string is escaped on the page: <script> in a quote, a speaker name, a role, a title and a translation', async (t) => {
  const { app, auth, services } = await buildSeeded(t);
  const hostileText = '"We will never accept <script>alert(\'x\')</script> or </textarea><b>bold</b> & &amp; in our country," said John Smith.';
  const ingested = await app.inject({
    method: 'POST',
    url: '/articles',
    headers: auth,
    payload: { id: 'hostile', lang: 'en', outlet: '"><script>alert(1)</script>', title: '</title><script>alert("t")</script>', url: 'javascript:alert(1)', text: hostileText },
  });
  const id = ingested.json().quotes[0].id as string;
  const hostileName = '<script>alert("name")</script> Smith';
  const hostileRole = '<img src=x onerror=alert(1)>';
  const doc = (await services.store.getQuote(id))!;
  await services.store.write({
    quotes: [
      {
        ...doc,
        speakerName: hostileName,
        role: hostileRole,
        translations: [{ id: 'hostile-x', lang: '"><script>alert(2)</script>', text: '</q><script>alert(3)</script>', original: true, articleId: 'x' }],
      },
    ],
  });

  const response = await app.inject({ url: `/quotes/${id}`, headers: { accept: 'text/html' } });
  t.equal(response.statusCode, 200);
  const body = response.body;
  t.equal(body.split('</script>').length, 2, 'the only </script> closes the JSON-LD');
  t.equal(body.split('</textarea>').length, 5, 'each textarea closes once: the text cannot end one');
  const { document } = parseHTML(body);
  t.equal(document.querySelectorAll('script').length, 1);
  t.equal(document.querySelectorAll('b, img, title + script').length, 0, 'no markup from the data');
  t.same(
    [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
    [],
    'no event handler attributes',
  );
  t.notMatch(body, /href="javascript:/i, 'a javascript: source is never linked');
  const stored = doc.text;
  t.equal(document.querySelector('main blockquote')?.textContent, stored, 'the quote reads as stored');
  t.equal(document.querySelector('main cite')?.textContent, hostileName, 'the speaker reads as stored');
  t.match(document.querySelector('main figcaption')?.textContent, hostileRole);
  t.match(document.querySelector('dl')?.textContent, '</title><script>alert("t")</script>');
  t.match(metaContent(document, 'og:title'), hostileName);
  t.equal(metaContent(document, 'citation_author'), hostileName);
  t.match(document.querySelector('nav')?.textContent, '</q><script>alert(3)</script>');
  const jsonLd = JSON.parse(document.querySelector('script')?.textContent ?? '');
  t.equal(jsonLd.text, stored, 'the JSON-LD holds the exact text');
  t.equal(jsonLd.creator.name, hostileName);
});
