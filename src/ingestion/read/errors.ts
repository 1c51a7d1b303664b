/** A problem with an input file or record, for the user: the message says what is wrong and where; no stack needed. */
export class InputError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  constructor(message: string, where: { file?: string; line?: number; field?: string } = {}) {
    const prefix = [where.file, where.line !== undefined ? `line ${where.line}` : undefined].filter(Boolean).join(': ');
    super(prefix ? `${prefix}: ${message}` : message);
    this.name = 'InputError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}
