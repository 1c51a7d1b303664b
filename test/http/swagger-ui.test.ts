import t from 'tap';
import { chromiumContext, skipWithoutChromium } from '../helpers/chromium.ts';
import { buildSeeded } from './fixtures.ts';

t.test('Swagger UI in a real browser: GET /quotes → Try it out → Execute → 200 with quotes', { skip: skipWithoutChromium }, async (t) => {
  const { app } = await buildSeeded(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const context = await chromiumContext(t);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(`${base}/docs`, { waitUntil: 'load' });
  const operation = page.locator('.opblock-get').filter({ has: page.locator('.opblock-summary-path', { hasText: /^\/quotes$/ }) });
  await operation.locator('.opblock-summary').first().click();
  const tryItOut = operation.locator('button.try-out__btn');
  // With tryItOutEnabled the button already reads "Cancel": clicking it then would leave try-out mode.
  if ((await tryItOut.textContent())?.trim() === 'Try it out') await tryItOut.click();
  await operation.locator('button.execute').click();

  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 15_000 });
  t.equal((await status.textContent())?.trim(), '200', 'the live response is a 200');
  const body = await operation.locator('.live-responses-table .response-col_description pre').first().textContent();
  const page1 = JSON.parse(body ?? '{}');
  t.ok(page1.total >= 1, `total ${page1.total}`);
  t.ok(page1.data.length >= 1 && page1.data[0].text, 'with quotes in the body');
  const requestUrl = await operation.locator('.request-url pre').first().textContent();
  t.match(requestUrl, `${base}/quotes`, 'the request went to this server');
  t.same(pageErrors, [], 'no script errors in the page (CSP lets the UI run)');
});
