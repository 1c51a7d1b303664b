// Regenerates the committed openapi.yaml from the routes' zod schemas (npm run openapi).
import { writeFile } from 'node:fs/promises';
import { openApiDocument, toYaml } from '../src/http/openapi.ts';

await writeFile(new URL('../openapi.yaml', import.meta.url), toYaml(await openApiDocument()));
process.stdout.write('openapi.yaml written\n');
