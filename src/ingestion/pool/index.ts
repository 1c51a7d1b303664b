import os from 'node:os';
import type { Piscina } from 'piscina';
import { analyseArticle, type AnalysedArticle } from '../pipeline.ts';
import type { ArticleInput } from '../types.ts';

/** Articles sent to a worker at once: enough to make the message passing negligible, few enough to share out a batch. */
const CHUNK = 8;
/**
 * Fewer articles than this are read in the calling thread: a few milliseconds of work each, while a worker takes
 * seconds to start (it compiles the pipeline's TypeScript anew) and an idle pool has none running.
 */
const IN_THREAD_BELOW = 16;
/** Attempts at a chunk whose worker died (killed, out of memory) before it is given up as failed. */
const ATTEMPTS = 3;

export interface ExtractionPoolOptions {
  threads?: number;
  /**
   * The worker module: its default export reads a chunk of articles, answering each with an `AnalysedArticle` or
   * `{ error }` (service/read-worker.ts; tests hand in one that crashes).
   */
  workerFile: URL;
}

/**
 * Extraction in worker threads, one per core: CPU-bound reading runs in parallel and never blocks the HTTP event loop.
 * A worker that dies takes only its chunk down, which is sent again to a new one.
 */
export class ExtractionPool {
  /** Made for the first batch large enough to need it: a server that is only read from never loads piscina. */
  private pool?: Promise<Piscina>;

  constructor(private readonly options: ExtractionPoolOptions) {}

  async extract(inputs: ArticleInput[]): Promise<Array<AnalysedArticle | Error>> {
    if (inputs.length < IN_THREAD_BELOW) return extractInThread(inputs);
    const chunks: ArticleInput[][] = [];
    for (let i = 0; i < inputs.length; i += CHUNK) chunks.push(inputs.slice(i, i + CHUNK));
    const pool = await (this.pool ??= this.startPool());
    const done = await Promise.all(chunks.map((chunk) => this.runChunk(pool, chunk)));
    return done.flat();
  }

  async close(): Promise<void> {
    await (await this.pool)?.destroy();
  }

  private async startPool(): Promise<Piscina> {
    const { threads = Math.max(1, os.availableParallelism()), workerFile } = this.options;
    const { Piscina } = await import('piscina');
    return new Piscina({
      filename: workerFile.href,
      minThreads: 0,
      maxThreads: threads,
      // Kept between the batches of a run; gone soon after, so an idle server holds no threads.
      idleTimeout: 5_000,
    });
  }

  private async runChunk(pool: Piscina, chunk: ArticleInput[]): Promise<Array<AnalysedArticle | Error>> {
    let lastError: unknown;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        const answers: Array<AnalysedArticle | { error: string }> = await pool.run(chunk);
        return answers.map((a) => ('error' in a ? new Error(a.error) : a));
      } catch (error) {
        lastError = error;
      }
    }
    const reason = lastError instanceof Error ? lastError.message : String(lastError);
    return chunk.map(() => new Error(`extraction failed ${ATTEMPTS} times: ${reason}`));
  }
}

/** Extraction in the calling thread, with `analyse` (the linking evaluation hands in annotated quotes). */
export function extractInThread(inputs: ArticleInput[], analyse: (input: ArticleInput) => AnalysedArticle = analyseArticle): Array<AnalysedArticle | Error> {
  return inputs.map((input) => {
    try {
      return analyse(input);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}
