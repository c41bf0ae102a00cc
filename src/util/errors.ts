/** Where a user's mistake sits: a file position, a field path inside a document, or both. */
export interface ErrorWhere {
  file?: string;
  line?: number;
  column?: number;
  /** Field path such as ['links', 0, 'lengthKm']; printed as `links[0].lengthKm`. */
  path?: readonly (string | number)[];
}

export interface QnetErrorOptions extends ErrorWhere {
  hint?: string;
  cause?: unknown;
}

/**
 * An error a user can cause (bad scenario, bad circuit, bad flag). The CLI prints `format()`
 * without a stack trace and exits with `exitCode`. Broken internal invariants throw plain Errors.
 */
export class QnetError extends Error {
  override readonly name = 'QnetError';
  readonly code: string;
  readonly where: ErrorWhere;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(code: string, message: string, options: QnetErrorOptions = {}, exitCode = 2) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    const { hint, cause: _cause, ...where } = options;
    this.where = where;
    this.hint = hint;
    this.exitCode = exitCode;
  }

  /** `file:line:column: path: message` and, on the next line, the hint. */
  format(): string {
    const head = formatWhere(this.where);
    const text = head ? `${head}: ${this.message}` : this.message;
    return this.hint ? `${text}\n  hint: ${this.hint}` : text;
  }

  /** A copy with more location filled in (fields already set win). */
  withWhere(where: ErrorWhere): QnetError {
    const merged = { ...where, ...this.where };
    const opts: QnetErrorOptions = { ...merged };
    if (this.hint !== undefined) opts.hint = this.hint;
    return new QnetError(this.code, this.message, opts, this.exitCode);
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.where, hint: this.hint };
  }
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export function formatWhere(where: ErrorWhere): string {
  const parts: string[] = [];
  if (where.file !== undefined) {
    let pos = where.file;
    if (where.line !== undefined) pos += `:${where.line}`;
    if (where.line !== undefined && where.column !== undefined) pos += `:${where.column}`;
    parts.push(pos);
  } else if (where.line !== undefined) {
    parts.push(where.column !== undefined ? `${where.line}:${where.column}` : `${where.line}`);
  }
  if (where.path && where.path.length > 0) parts.push(formatPath(where.path));
  return parts.join(': ');
}

export const isQnetError = (e: unknown): e is QnetError => e instanceof QnetError;
