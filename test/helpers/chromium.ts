/**
 * Debian's Chromium for the browser tests: `const context = await chromiumContext(t)` gives a headless browser with a
 * fresh profile, closed and removed in t.teardown. CI installs it with `apt-get install -y chromium`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type LaunchOptions, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** A tap `skip` reason when the browser is missing, false when it is there. */
export const skipWithoutChromium = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is absent: install Debian's chromium package (apt-get install -y chromium) to run the browser test`;

interface Teardownable {
  teardown(fn: () => unknown): void;
}

/** `options`: the context's viewport, device scale and the like. */
export async function chromiumContext(t: Teardownable, options: BrowserContextOptions & LaunchOptions = {}): Promise<BrowserContext> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'polyquote-chromium-'));
  t.teardown(() => rm(userDataDir, { recursive: true, force: true }));
  // A temporary profile: Playwright takes it as the persistent context's directory, not as a --user-data-dir arg.
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  t.teardown(() => context.close());
  return context;
}
