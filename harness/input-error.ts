/**
 * Bad input from the user: an unreadable file, invalid JSON, a schema violation, an unknown evaluator.
 * The CLI prints `message` (which names the file and JSON path) without a stack trace and exits 2.
 */
export class InputError extends Error {
  readonly file?: string;
  readonly jsonPath?: string;

  constructor(message: string, options: { file?: string; jsonPath?: string; cause?: unknown } = {}) {
    const where = [options.file, options.jsonPath].filter(Boolean).join(' at ');
    super(where ? `${where}: ${message}` : message, { cause: options.cause });
    this.name = 'InputError';
    this.file = options.file;
    this.jsonPath = options.jsonPath;
  }
}
