/**
 * An extraction worker that dies (process.exit, as a worker killed or out of memory would) the first time any worker
 * of the run gets a chunk, marked by a file, and extracts normally afterwards.
 */
import { existsSync, writeFileSync } from 'node:fs';
import readChunk from '../../src/service/read-worker.ts';
import type { ArticleInput } from '../../src/ingestion/types.ts';

export default function crashOnce(inputs: ArticleInput[]) {
  const marker = process.env.POLYQUOTE_CRASH_MARKER;
  if (marker && !existsSync(marker)) {
    writeFileSync(marker, 'crashed');
    process.exit(1);
  }
  return readChunk(inputs);
}
