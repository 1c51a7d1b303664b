/** Errors of the embedded Meilisearch, worded for the person starting polyquote. */

export const HINT = 'set MEILI_BIN to a Meilisearch binary, or MEILI_URL (+ MEILI_MASTER_KEY) to use a running Meilisearch';

/** A configuration problem, reported to the user as one line (no stack). */
export class MeiliConfigError extends Error {
  readonly code = 'CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Meilisearch did not come up (exited early, never healthy, …). The message ends with the tail of its log. */
export class MeiliStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeiliStartError';
  }
}
