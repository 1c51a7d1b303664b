// `npm start` (`server`) and `npm run worker` (`worker`): run that entry from an up-to-date build (scripts/build.mjs),
// made first in this same process if the sources changed since the last one.
import { utimes } from 'node:fs/promises';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { URL } from 'node:url';
import { BUILD_IN_USE_MARK_MS, ensureBuilt, ENTRIES } from './build.mjs';

const entry = process.argv[2];
if (!Object.hasOwn(ENTRIES, entry)) {
  process.stderr.write(`usage: node scripts/start.mjs <${Object.keys(ENTRIES).join('|')}>\n`);
  process.exit(2);
}
const { dir } = await ensureBuilt().catch((error) => {
  process.stderr.write(`polyquote: the build failed: ${error.message}\n`);
  process.exit(1);
});
// A process that runs for days keeps marking its build as in use: it still loads lazy chunks and worker files from it,
// and a newer build prunes those nothing marked for a day.
setInterval(() => {
  const now = new Date();
  utimes(dir, now, now).catch(() => undefined);
}, BUILD_IN_USE_MARK_MS).unref();
await import(new URL(`${entry}.js`, dir).href);
