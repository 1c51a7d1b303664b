/**
 * scripts/build.mjs, on a small project of its own: the build runs what the TypeScript says (parameter properties
 * included), finds the files beside the sources, runs again without building when nothing changed, builds anew as
 * soon as one source did (never the stale code), refuses a source that does not compile, and builds started at once
 * all end up with one complete build.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { ensureBuilt } from '../../scripts/build.mjs';

const ENTRIES = { main: 'src/main.ts', job: 'src/jobs/job.ts' };

interface Main {
  greeting(): string;
  motto(): Promise<string>;
  jobFile(): URL;
  later(): Promise<string>;
}

async function project(t: Test): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'polyquote-build-'));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  await mkdir(path.join(root, 'src/jobs'), { recursive: true });
  await mkdir(path.join(root, 'data'));
  await writeFile(path.join(root, 'package.json'), '{ "type": "module" }\n');
  await writeFile(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "target": "ES2022", "strict": true } }\n');
  await writeFile(path.join(root, 'data/motto.txt'), 'read from beside the sources');
  await writeGreeter(root, 'hello');
  await writeFile(
    path.join(root, 'src/main.ts'),
    [
      "import { readFile } from 'node:fs/promises';",
      "import { Greeter } from './greeter.ts';",
      "export const greeting = () => new Greeter('build').greet();",
      "export const motto = () => readFile(new URL('../data/motto.txt', import.meta.url), 'utf8');",
      "export const jobFile = () => new URL('./jobs/job.ts', import.meta.url);",
      "export const later = async () => (await import('./jobs/lazy.ts')).lazy;",
      '',
    ].join('\n'),
  );
  await writeFile(path.join(root, 'src/jobs/lazy.ts'), "export const lazy: string = 'imported lazily';\n");
  await writeFile(path.join(root, 'src/jobs/job.ts'), 'export default (n: number): number => n * 2;\n');
  return root;
}

/** A class with a parameter property: Node's type stripping alone could not run it. */
function writeGreeter(root: string, word: string) {
  return writeFile(path.join(root, 'src/greeter.ts'), `export class Greeter {\n  constructor(private readonly name: string) {}\n  greet(): string {\n    return '${word} ' + this.name;\n  }\n}\n`);
}

async function load(dir: URL): Promise<Main> {
  return import(new URL('main.js', dir).href);
}

t.test('the build runs the sources, finds what sits beside them and its other entries', async (t) => {
  const root = await project(t);
  const { dir, built } = await ensureBuilt({ root, entries: ENTRIES });
  t.ok(built, 'built on the first start');
  t.ok(dir.pathname.startsWith(path.join(root, 'dist/')), 'into dist/');
  const main = await load(dir);
  t.equal(main.greeting(), 'hello build');
  t.equal(await main.motto(), 'read from beside the sources', 'import.meta.url still means the source file');
  t.equal(await main.later(), 'imported lazily');
  t.equal(main.jobFile().href, new URL('job.js', dir).href, 'a URL naming an entry names its built file');
  const job = await import(main.jobFile().href);
  t.equal(job.default(21), 42);

  const again = await ensureBuilt({ root, entries: ENTRIES });
  t.notOk(again.built, 'nothing changed: nothing built');
  t.equal(again.dir.href, dir.href);
});

t.test('an edited source is built anew before it runs; a broken one fails', async (t) => {
  const root = await project(t);
  const first = await ensureBuilt({ root, entries: ENTRIES });
  await writeGreeter(root, 'goodbye');
  const second = await ensureBuilt({ root, entries: ENTRIES });
  t.ok(second.built, 'built again');
  t.not(second.dir.href, first.dir.href, 'into a directory of its own');
  t.equal((await load(second.dir)).greeting(), 'goodbye build', 'the edited code runs');

  await writeFile(path.join(root, 'src/greeter.ts'), 'export class Greeter {\n');
  await t.rejects(ensureBuilt({ root, entries: ENTRIES }), 'a source that does not compile fails the start');
  await writeGreeter(root, 'goodbye');
  const restored = await ensureBuilt({ root, entries: ENTRIES });
  t.equal(restored.dir.href, second.dir.href, 'the same sources give the same build');
});

t.test('builds started at once end up with one complete build', async (t) => {
  const root = await project(t);
  const results = await Promise.all(Array.from({ length: 4 }, () => ensureBuilt({ root, entries: ENTRIES })));
  t.equal(new Set(results.map((r) => r.dir.href)).size, 1, 'one build');
  t.equal((await load(results[0].dir)).greeting(), 'hello build');
  const left = (await readdir(path.join(root, 'dist'))).filter((name) => name.startsWith('.'));
  t.same(left, [], 'no staging directory left behind');
});
