// `npm start` (`server`) and `npm run worker` (`worker`): run that entry from an up-to-date build (scripts/build.mjs),
// made first in this same process if the sources changed since the last one.
import process from 'node:process';
import { URL } from 'node:url';
import { ensureBuilt, ENTRIES } from './build.mjs';

const entry = process.argv[2];
if (!Object.hasOwn(ENTRIES, entry)) {
  process.stderr.write(`usage: node scripts/start.mjs <${Object.keys(ENTRIES).join('|')}>\n`);
  process.exit(2);
}
const { dir } = await ensureBuilt().catch((error) => {
  process.stderr.write(`polyquote: the build failed: ${error.message}\n`);
  process.exit(1);
});
await import(new URL(`${entry}.js`, dir).href);
