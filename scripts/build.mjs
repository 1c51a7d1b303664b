// The processes `npm start` and `npm run worker` start (and the extraction pool's threads) run from JavaScript that
// esbuild bundled ahead, not through tsx: on Node 20 tsx's hooks run off-thread, and every one of the few hundred
// modules a server loads went through them (most of a second of its start-up). Plain JavaScript (.mjs), so that it
// needs no loader itself.
//
// A build lives in dist/<fingerprint>/, the fingerprint being a hash of every file it was made from (and of this
// script and esbuild's version). A start reads the last build's list of files and hashes them again (~30 ms): if any
// changed, it builds anew (one to two seconds) before running, so an edited source never runs stale. Builds go to a
// directory of their own and are renamed into place whole, so that processes starting at once (the test suite) never
// see one half written.
//
// The packages are bundled too, but for those listed in EXTERNAL_PACKAGES: resolving and loading the ~500 files of
// fastify, undici, zod, ajv and the rest one by one took a further few tenths of a second of a start. They are part of
// the build through package-lock.json, which npm rewrites whenever it installs other versions (an `npm install
// --no-save` or an edit by hand inside node_modules is not seen). Not node_modules/.package-lock.json: it differs
// between installs of the same lockfile with and without the optional packages (the Docker image's two stages).
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The modules started in a process or a thread of their own, by the name of their built file. */
export const ENTRIES = { server: 'src/server.ts', worker: 'src/worker.ts', 'read-worker': 'src/service/read-worker.ts' };

/** Read by esbuild besides the sources, or standing for the packages bundled: a change to them changes the build too. */
const SETTINGS_FILES = ['tsconfig.json', 'package.json', 'package-lock.json'];
/**
 * Packages loaded from node_modules at run time: those that read files beside their own (piscina its worker, pino its
 * transports, swagger-ui its assets, bullmq its Lua scripts...). A bundled package that reads `__dirname` fails the
 * build, naming itself. (What is loaded through createRequire, linkedom and the Meilisearch binary's package, never
 * reaches esbuild.)
 */
const EXTERNAL_PACKAGES = ['piscina', 'pino', '@fastify/swagger', '@fastify/swagger-ui', 'bullmq', 'ioredis'];
/** What else makes a build: this script and the esbuild that runs it. */
const RECIPE = [await readFile(fileURLToPath(import.meta.url), 'utf8'), createRequire(import.meta.url)('esbuild/package.json').version].join('\0');
/** Builds no process started from, or marked as still running from, for this long are removed when a new one is made. */
const UNUSED_BUILD_KEPT_MS = 24 * 3600_000;
/** How often a running process marks its build as in use. */
export const BUILD_IN_USE_MARK_MS = 3600_000;

/**
 * The directory of an up-to-date build of `entries` (one JavaScript file per entry, named by its key), made first if
 * there is none. `built` says whether this call made it.
 * @param {{ root?: string, entries?: Record<string, string> }} [options] the project (tests build one of their own)
 * @returns {Promise<{ dir: URL, built: boolean }>}
 */
export async function ensureBuilt({ root = PROJECT_ROOT, entries = ENTRIES } = {}) {
  const distDir = path.join(root, 'dist');
  const manifestFile = path.join(distDir, 'manifest.json');
  const manifest = await readFile(manifestFile, 'utf8').then(JSON.parse, () => undefined);
  if (manifest && sameEntries(manifest.entries, entries)) {
    // Read one after the other: a tenth of the time of reading them all at once through the thread pool.
    const contents = manifest.files.map((file) => readOrEmpty(path.join(root, file)));
    if (fingerprint(manifest.files, contents) === manifest.fingerprint) {
      const dir = path.join(distDir, manifest.fingerprint);
      if (await exists(path.join(dir, `${Object.keys(entries)[0]}.js`))) {
        // Marks the build as in use, for the pruning below; a read-only install (the Docker image) simply skips it.
        const now = new Date();
        await utimes(dir, now, now).catch(() => undefined);
        return { dir: pathToFileURL(`${dir}/`), built: false };
      }
    }
  }
  return { dir: pathToFileURL(`${await build(root, entries)}/`), built: true };
}

async function build(root, entries) {
  const esbuild = await import('esbuild');
  const distDir = path.join(root, 'dist');
  const sources = new Map();
  const settings = SETTINGS_FILES.map((file) => readOrEmpty(path.join(root, file)));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(root, file)])),
    bundle: true,
    // A module imported lazily gets a chunk of its own, and so do the packages only it imports: in one bundle, every
    // package would load before the server's first line (Meilisearch started a second later).
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    // The oldest Node the project runs on (this machine's); the Docker image runs a newer one.
    target: 'node20',
    external: EXTERNAL_PACKAGES,
    // The CommonJS packages bundled ask for the external ones and Node's own modules with `require`.
    banner: { js: "import { createRequire as createRequireOfBuild } from 'node:module'; const require = createRequireOfBuild(import.meta.url);" },
    // Error names and logged class names stay the sources' ones, whatever the bundle renames.
    keepNames: true,
    // For NODE_OPTIONS=--enable-source-maps (stack traces naming the sources' lines). Not read by default: once on,
    // Node reads and parses the map of every module it loads (a tenth of a second of a start here).
    sourcemap: 'linked',
    outdir: path.join(distDir, 'staging'),
    write: false,
    logLevel: 'error',
    plugins: [sourcesAsRead(root, entries, sources)],
  });
  const files = [...SETTINGS_FILES, ...[...sources.keys()].sort()];
  const key = fingerprint(files, [...settings, ...files.slice(SETTINGS_FILES.length).map((file) => sources.get(file))]);
  const dir = path.join(distDir, key);
  if (!(await exists(dir))) {
    await mkdir(distDir, { recursive: true });
    const staging = await mkdtemp(path.join(distDir, '.staging-'));
    await Promise.all(result.outputFiles.map((output) => writeFile(path.join(staging, path.basename(output.path)), output.contents)));
    // Another process may have renamed the same build into place meanwhile: theirs is as good.
    await rename(staging, dir).catch(async (error) => {
      await rm(staging, { recursive: true, force: true });
      if (!(await exists(dir))) throw error;
    });
  }
  const manifestStaging = path.join(distDir, `.manifest-${randomUUID()}.json`);
  await writeFile(manifestStaging, JSON.stringify({ fingerprint: key, entries, files }));
  await rename(manifestStaging, path.join(distDir, 'manifest.json'));
  await pruneUnused(distDir, key);
  return dir;
}

/**
 * Loads every file of the project itself (any kind: a JSON imported too), to hash exactly what esbuild compiled, and
 * gives each module the URL its source has: `import.meta.url` means the source file, so that what sits beside the
 * sources (samples/, index-config/, the packages of createRequire) is found as before. `new URL('./x.ts', import.meta.url)` naming an entry (the extraction
 * pool's worker) means that entry's built file instead, which sits beside every bundle of the build.
 */
function sourcesAsRead(root, entries, sources) {
  const entryNames = new Map(Object.entries(entries).map(([name, file]) => [path.join(root, file), name]));
  // Any directory two levels down: where the built files of every build sit relative to the sources.
  const buildDir = path.join(root, 'dist', 'build');
  return {
    name: 'sources-as-read',
    setup(build) {
      build.onLoad({ filter: /.*/ }, async (args) => {
        if (/[\\/]node_modules[\\/]/.test(args.path)) return refuseFileReaders(root, args.path);
        const source = await readFile(args.path, 'utf8');
        sources.set(path.relative(root, args.path).split(path.sep).join('/'), source);
        if (!args.path.endsWith('.ts')) return { contents: source, loader: 'default' };
        const sourceUrl = `new URL(${JSON.stringify(path.relative(buildDir, args.path).split(path.sep).join('/'))}, import.meta.url).href`;
        const contents = source.replace(/new URL\((['"])(\.\.?\/[^'"]+\.ts)\1, import\.meta\.url\)|import\.meta\.url/g, (match, _quote, relative) => {
          const entry = relative && entryNames.get(path.resolve(path.dirname(args.path), relative));
          return entry ? `new URL('./${entry}.js', import.meta.url)` : match.replace('import.meta.url', sourceUrl);
        });
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Fails the build on a package to bundle that reads files beside its own; leaves its loading to esbuild otherwise. */
async function refuseFileReaders(root, file) {
  // Comments aside, and uses that check first (`typeof __filename !== 'undefined' ? __filename : …`: undici).
  const code = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$|typeof (__\w+) !== ['"]undefined['"] \? \1\b/gm, '');
  if (/\b__(dirname|filename)\b/.test(code)) {
    const name = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)[1];
    throw new Error(`${name} reads files beside its own (${path.relative(root, file)}): add it to EXTERNAL_PACKAGES in scripts/build.mjs`);
  }
  return undefined;
}

function fingerprint(files, contents) {
  const hash = createHash('sha256').update(RECIPE);
  files.forEach((file, i) => hash.update(`\0${file}\0${contents[i]}`));
  return hash.digest('hex').slice(0, 16);
}

function sameEntries(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A file missing reads as empty (a lockfile may be): a source gone changes the fingerprint all the same. */
function readOrEmpty(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function exists(file) {
  return stat(file).then(() => true, () => false);
}

/** Other builds nothing started from for a day (a process running from one still reads its worker file from it). */
async function pruneUnused(distDir, current) {
  const names = await readdir(distDir).catch(() => []);
  await Promise.all(
    names
      .filter((name) => /^[0-9a-f]{16}$/.test(name) && name !== current)
      .map(async (name) => {
        const dir = path.join(distDir, name);
        const { mtimeMs } = await stat(dir);
        if (Date.now() - mtimeMs > UNUSED_BUILD_KEPT_MS) await rm(dir, { recursive: true, force: true });
      }),
  );
}

// `node scripts/build.mjs`: builds ahead (the Docker image, whose files are read-only at run time).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { dir, built } = await ensureBuilt();
  process.stdout.write(`${built ? 'built' : 'up to date'}: ${fileURLToPath(dir)}\n`);
}
