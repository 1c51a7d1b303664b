import t from 'tap';
import { buildSeeded } from './fixtures.ts';

t.test('oEmbed 1.0 rich response with an escaped quote card', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const id = quoteOf('id-trung').id;
  const url = `https://polyquote.example/quotes/${id}`;
  const response = await app.inject({ url: '/oembed', query: { url, format: 'json' }, headers: { host: 'polyquote.example' } });
  t.equal(response.statusCode, 200, response.body);
  t.match(response.headers['content-type'], /^application\/json/);
  const embed = response.json();
  t.match(embed, {
    version: '1.0',
    type: 'rich',
    width: 560,
    provider_name: 'polyquote',
    provider_url: 'http://polyquote.example',
    author_name: 'Le Hoai Trung',
    author_url: 'http://polyquote.example/speakers/le-hoai-trung',
  });
  t.ok(embed.height > 0 && Number.isInteger(embed.height));
  t.match(embed.html, /^<blockquote class="polyquote-embed" lang="id"/);
  t.match(embed.html, /<p[^>]*>Dalam periode renovasi/);
  t.match(embed.html, '<cite>Le Hoai Trung</cite>');
  t.match(embed.html, 'Indonesian, translated from Vietnamese');
  t.match(embed.html, `<a href="http://polyquote.example/quotes/${id}">`, 'links back to the quote');

  const narrow = (await app.inject({ url: '/oembed', query: { url, maxwidth: '300', maxheight: '100' } })).json();
  t.equal(narrow.width, 300, 'maxwidth is respected');
  t.ok(narrow.height <= 100, 'maxheight is respected');
  t.equal((await app.inject({ url: '/oembed', query: { url } })).statusCode, 200, 'format defaults to json');
});

t.test('oEmbed errors: 404 unknown quote, 501 xml, 400 not a quote URL', async (t) => {
  const { app, quoteOf } = await buildSeeded(t);
  const id = quoteOf('vi-trung').id;
  const status = async (query: Record<string, string>) => {
    const response = await app.inject({ url: '/oembed', query });
    t.match(response.headers['content-type'], /problem\+json|application\/json/);
    return response.statusCode;
  };
  t.equal(await status({ url: 'http://localhost/quotes/no-such-quote' }), 404);
  t.equal(await status({ url: `http://localhost/quotes/${id}`, format: 'xml' }), 501);
  for (const url of ['not a url', 'http://localhost/speakers/le-hoai-trung', 'http://localhost/quotes', 'javascript:alert(1)//quotes/x', 'ftp://localhost/quotes/x', `http://localhost/quotes/${id}/citation`]) {
    t.equal(await status({ url }), 400, url);
  }
  t.equal(await status({}), 400, 'url is required');
  t.equal(await status({ url: `http://localhost/quotes/${id}`, maxwidth: '0' }), 400);
});

t.test('the oEmbed card escapes everything the article supplied', async (t) => {
  const { app, auth } = await buildSeeded(t);
  const hostile = {
    id: 'hostile',
    lang: 'en',
    outlet: '"><script>alert(1)</script>',
    text: '"We will never accept <script>alert(\'x\')</script> or \\"quotes\\" in our <b>country</b>," said John Smith.',
  };
  const ingested = await app.inject({ method: 'POST', url: '/articles', headers: auth, payload: hostile });
  const id = ingested.json().quotes[0].id;
  const embed = (await app.inject({ url: '/oembed', query: { url: `http://localhost/quotes/${id}` } })).json();
  t.notMatch(embed.html, /<script|<b>/);
  t.match(embed.html, '&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;', 'the outlet is text, not markup');
  t.match(embed.html, '&#60;b&#62;country&#60;/b&#62;', 'the quote is text, not markup');
});
