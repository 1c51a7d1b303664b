// Regenerates client/schema.d.ts, the types of the typed client, from the committed openapi.yaml
// (node --import tsx scripts/generate-client.ts [path/to/openapi.yaml]).
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import YAML from 'yaml';

export const CLIENT_SCHEMA_FILE = new URL('../client/schema.d.ts', import.meta.url);

/** The TypeScript declarations openapi-fetch types its calls with, for an OpenAPI document. */
export async function clientSchemaSource(document: object): Promise<string> {
  return astToString(await openapiTS(document as OpenAPI3, { alphabetize: true }));
}

async function main() {
  const specFile = new URL(process.argv[2] ?? '../openapi.yaml', process.argv[2] ? pathToFileURL(`${process.cwd()}/`) : import.meta.url);
  const spec = await readFile(specFile, 'utf8').catch(() => {
    throw new Error(`cannot read ${specFile.pathname}: run npm run openapi first`);
  });
  await writeFile(CLIENT_SCHEMA_FILE, await clientSchemaSource(YAML.parse(spec)));
  process.stdout.write(`client/schema.d.ts written from ${specFile.pathname}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: Error) => {
    process.stderr.write(`generate-client: ${error.message}\n`);
    process.exit(1);
  });
}
