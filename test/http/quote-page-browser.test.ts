/**
 * The permalink page read by real clients: Debian's Chromium at phone and desktop sizes (screenshots written to
 * test-output/screenshots/, git-ignored, to be looked at), and unfurl.js, a link-preview library that reads a page as
 * a CMS or chat app does: Open Graph, Twitter card and oEmbed discovery, then the discovered oEmbed endpoint.
 */
import { mkdir } from 'node:fs/promises';
import t from 'tap';
import type { BrowserContext } from 'playwright-core';
import { unfurl } from 'unfurl.js';
import { chromiumContext, skipWithoutChromium } from '../helpers/chromium.ts';
import { buildSeeded } from './fixtures.ts';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url);

async function listening(t: Parameters<typeof buildSeeded>[0]) {
  const seeded = await buildSeeded(t);
  await seeded.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...seeded, base: `http://127.0.0.1:${(seeded.app.server.address() as { port: number }).port}` };
}

/** Opens a URL and gathers everything the browser complained about: script errors, console errors, failed loads. */
async function open(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const complaints: string[] = [];
  page.on('pageerror', (error) => complaints.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') complaints.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => complaints.push(`failed: ${request.url()}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, response, complaints };
}

const sizes = [
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
  { name: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
];

t.test('Chromium shows the quote, speaker, source and language switcher at phone and desktop sizes, with no console error', { skip: skipWithoutChromium }, async (t) => {
  const { base, app, quoteOf } = await listening(t);
  const id = quoteOf('id-trung').id;
  const vi = quoteOf('vi-trung');
  await mkdir(SCREENSHOTS, { recursive: true });

  for (const size of sizes) {
    await t.test(size.name, async (t) => {
      const context = await chromiumContext(t, size.options);
      const { page, response, complaints } = await open(context, `${base}/quotes/${id}`);
      t.match(response?.headers()['content-type'], /^text\/html/, 'the browser gets the page');

      const quote = page.locator('main figure.quote blockquote');
      t.ok(await quote.isVisible(), 'the quote is shown');
      t.match(await quote.innerText(), /^Dalam periode renovasi/);
      t.match(await page.locator('main figure.quote figcaption').innerText(), 'Le Hoai Trung, Penjabat Menteri Luar Negeri', 'the speaker and role');
      const source = page.locator('dl a');
      t.ok(await source.isVisible(), 'the source link is shown');
      t.equal(await source.getAttribute('href'), 'https://vietnam.vnanet.vn/id/le-hoai-trung-integrasi.html');
      t.match(await page.locator('dl').innerText(), 'Indonesian, translated from Vietnamese');
      const switcher = page.locator('nav a[hreflang="vi"]');
      t.ok(await switcher.isVisible(), 'the language switcher is shown');
      t.equal(await page.locator('textarea#cite-text').inputValue(), (await app.inject({ url: `/quotes/${id}/citation`, headers: { host: new URL(base).host } })).body, 'the text citation, ready to copy');

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      t.equal(overflow, 0, 'nothing wider than the screen');
      const fontSize = await quote.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      t.ok(fontSize >= 18, `the quote is set large enough to read (${fontSize}px): the page's style applied under its CSP`);
      await page.screenshot({ path: new URL(`quote-page-${size.name}.png`, SCREENSHOTS).pathname, fullPage: true });

      await switcher.click();
      await page.waitForURL(`${base}/quotes/${vi.id}`);
      t.equal(await page.locator('main figure.quote blockquote').getAttribute('lang'), 'vi', 'the switcher leads to the Vietnamese page');
      t.equal(await page.locator('main figure.quote blockquote').innerText(), vi.text);
      t.same(complaints, [], 'no console error, no CSP violation, no failed load');
    });
  }
});

t.test('unfurl.js reads the page as a CMS would: title, description, and the oEmbed endpoint found from the page alone', async (t) => {
  const { base, quoteOf } = await listening(t);
  const id = quoteOf('id-trung').id;
  const url = `${base}/quotes/${id}`;
  const preview = await unfurl(url);
  t.match(preview.title, /^“Dalam periode renovasi.*” — Le Hoai Trung \| polyquote$/);
  t.match(preview.description, /^Le Hoai Trung, Penjabat Menteri Luar Negeri · VNA · 2025-09-17/);
  t.match(preview.open_graph, { title: /^“Dalam periode renovasi/, url, type: 'article', site_name: 'polyquote' });
  t.match(preview.twitter_card, { card: 'summary', title: /Le Hoai Trung$/ });
  t.match(preview.oEmbed, { version: '1.0', type: 'rich', author_name: 'Le Hoai Trung', provider_name: 'polyquote' }, 'the oEmbed it discovered and fetched');
  t.match(preview.oEmbed?.type === 'rich' ? preview.oEmbed.html : '', /^<blockquote class="polyquote-embed" lang="id"[^>]*>.*Dalam periode renovasi/);
});
