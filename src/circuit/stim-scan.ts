// The lexical layer of the Stim reader: walks the text by char code in one pass (regular expressions
// only shape error messages) and leaves each instruction's name, arguments and targets in reusable
// scratch arrays. Allocating nothing per target is what lets a million-gate file parse in under a second.

import { QnetError } from '../util/errors.js';

/** Target kinds, as stored in `StimScanner.kinds`. */
export const QUBIT = 0;
/** `!q`: a measured qubit whose recorded result is inverted. */
export const INVERTED = 1;
/** `rec[-k]`: value is k. */
export const RECORD = 2;
/** `sweep[k]`: value is k. */
export const SWEEP = 3;
/** `X3`, `!Y4`, `Z5`: a Pauli target (value is the qubit). */
export const PAULI = 4;
/** `*` between Pauli targets. */
export const COMBINER = 5;

/** Stim stores qubit indices and look-backs in 24 bits; staying inside that keeps files Stim-readable. */
export const MAX_TARGET = (1 << 24) - 1;

const TARGET_HINT = 'targets are qubit indices (5), inverted results (!5) or record look-backs (rec[-1])';

export class StimScanner {
  pos = 0;
  line = 1;
  /** Offset of the first character of the current line, so a column is `pos - lineStart + 1`. */
  lineStart = 0;

  /** Targets of the current instruction: kinds[i], values[i], columns[i] for i < count. */
  readonly kinds: number[] = [];
  readonly values: number[] = [];
  readonly columns: number[] = [];
  count = 0;
  /** Largest qubit index seen in any target so far, -1 if none. */
  maxQubit = -1;

  /** Arguments of the current instruction (inside its parentheses) and their columns. */
  readonly args: number[] = [];
  readonly argColumns: number[] = [];
  argCount = 0;
  /** Column of the current instruction's '(' when it has arguments. */
  parenColumn = 0;

  // Result slot of readNumber, to avoid returning a pair.
  private number = 0;

  constructor(
    readonly text: string,
    readonly file: string | undefined,
  ) {}

  column(pos: number = this.pos): number {
    return pos - this.lineStart + 1;
  }

  error(code: string, message: string, column: number, hint?: string, line: number = this.line): QnetError {
    const where = { line, column, ...(this.file === undefined ? {} : { file: this.file }) };
    return new QnetError(code, message, hint === undefined ? where : { ...where, hint });
  }

  private at(pos: number): number {
    return pos < this.text.length ? this.text.charCodeAt(pos) : -1;
  }

  /**
   * Moves past blank lines, indentation and comments to the start of the next instruction (or `}`).
   * Returns the char code there, or -1 at the end of the text.
   */
  skipToInstruction(): number {
    const text = this.text;
    const n = text.length;
    let pos = this.pos;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 10) {
        this.line++;
        this.lineStart = pos + 1;
      } else if (c === 35) {
        const end = text.indexOf('\n', pos);
        pos = end < 0 ? n : end;
        continue;
      } else if (!(c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xfeff)) {
        this.pos = pos;
        return c;
      }
      pos++;
    }
    this.pos = n;
    return -1;
  }

  /** An instruction name: letters, digits and underscores. */
  readName(): string {
    const start = this.pos;
    let pos = start;
    let c = this.at(pos);
    while (isNameChar(c)) c = this.at(++pos);
    this.pos = pos;
    return this.text.slice(start, pos);
  }

  /** Skips Stim's optional `[tag]` after a name: tags are free text simulators ignore, and so does qnet. */
  skipTag(): void {
    if (this.at(this.pos) !== 91) return;
    let pos = this.pos + 1;
    for (let c = this.at(pos); c !== 93; c = this.at(++pos)) {
      if (c === 10 || c === -1) throw this.error('E_STIM_SYNTAX', "unclosed '[' in a tag", this.column());
    }
    this.pos = pos + 1;
  }

  /** Reads `(a, b, ...)` if present into `args`; returns whether parentheses were present. */
  readArgs(): boolean {
    this.argCount = 0;
    let pos = this.pos;
    if (this.at(pos) !== 40) return false;
    const open = pos;
    this.parenColumn = this.column(open);
    pos = this.skipSpaces(pos + 1);
    if (this.at(pos) === 41) {
      throw this.error(
        'E_STIM_ARG',
        'empty parentheses',
        this.column(open),
        'write the arguments or drop the ()',
      );
    }
    for (;;) {
      const start = pos;
      let c = this.at(pos);
      while ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45)
        c = this.at(++pos);
      const word = this.text.slice(start, pos);
      const value = Number(word);
      if (word === '' || !Number.isFinite(value)) {
        const shown = word === '' ? describeChar(c) : `'${word}'`;
        throw this.error('E_STIM_ARG', `expected a number, found ${shown}`, this.column(start));
      }
      this.args[this.argCount] = value;
      this.argColumns[this.argCount] = this.column(start);
      this.argCount++;
      pos = this.skipSpaces(pos);
      c = this.at(pos);
      if (c === 41) break;
      if (c !== 44) {
        throw this.error('E_STIM_ARG', `expected ',' or ')', found ${describeChar(c)}`, this.column(pos));
      }
      pos = this.skipSpaces(pos + 1);
    }
    this.pos = pos + 1;
    return true;
  }

  /** Reads the targets up to the end of the line, a comment, or a `{`. */
  readTargets(): void {
    const text = this.text;
    const n = text.length;
    let pos = this.pos;
    let count = 0;
    let joined = false; // just read '*': the next target may follow without a space
    for (;;) {
      const start = pos;
      let c = pos < n ? text.charCodeAt(pos) : -1;
      while (c === 32 || c === 9 || c === 13) c = ++pos < n ? text.charCodeAt(pos) : -1;
      if (c === 35) {
        const end = text.indexOf('\n', pos);
        pos = end < 0 ? n : end;
        break;
      }
      if (c === 10 || c === -1 || c === 123) break;
      if (pos === start && !joined && c !== 42) {
        throw this.error('E_STIM_SYNTAX', 'targets must be separated by spaces', this.column(pos));
      }
      const tokenStart = pos;
      const column = pos - this.lineStart + 1;
      let kind: number;
      joined = false;
      if (c >= 48 && c <= 57) {
        kind = QUBIT;
        pos = this.readNumber(pos, tokenStart);
        if (this.number > this.maxQubit) this.maxQubit = this.number;
      } else if (c === 33) {
        c = this.at(pos + 1);
        if (c >= 48 && c <= 57) {
          kind = INVERTED;
          pos = this.readNumber(pos + 1, tokenStart);
          if (this.number > this.maxQubit) this.maxQubit = this.number;
        } else if (isPauliLetter(c)) {
          kind = PAULI;
          pos = this.readNumber(pos + 2, tokenStart);
        } else {
          throw this.error('E_STIM_TARGET', "'!' must be followed by a qubit index, as in !5", column);
        }
      } else if (c === 114) {
        kind = RECORD;
        pos = this.readBracketed(pos, 'rec[-', 'a record look-back like rec[-1]');
        if (this.number === 0) {
          throw this.error(
            'E_STIM_TARGET',
            'rec[-0] refers to no measurement',
            column,
            'look-backs start at rec[-1]',
          );
        }
      } else if (c === 115) {
        kind = SWEEP;
        pos = this.readBracketed(pos, 'sweep[', 'a sweep bit like sweep[0]');
      } else if (isPauliLetter(c)) {
        kind = PAULI;
        pos = this.readNumber(pos + 1, tokenStart);
      } else if (c === 42) {
        kind = COMBINER;
        pos++;
        joined = true;
      } else {
        throw this.badTarget(pos);
      }
      c = pos < n ? text.charCodeAt(pos) : -1;
      if (!(c === 32 || c === 9 || c === 13 || c === 10 || c === 35 || c === -1 || c === 123 || c === 42)) {
        throw this.badTarget(tokenStart);
      }
      this.kinds[count] = kind;
      this.values[count] = this.number;
      this.columns[count] = column;
      count++;
    }
    this.count = count;
    this.pos = pos;
  }

  /** After `REPEAT`: the count and the opening brace. */
  readBlockHeader(): number {
    let pos = this.skipSpaces(this.pos);
    const start = pos;
    let count = 0;
    for (let c = this.at(pos); c >= 48 && c <= 57; c = this.at(++pos)) count = count * 10 + (c - 48);
    if (pos === start) {
      throw this.error(
        'E_STIM_SYNTAX',
        'REPEAT needs a repetition count',
        this.column(pos),
        'write REPEAT 10 {',
      );
    }
    if (!Number.isSafeInteger(count)) {
      throw this.error(
        'E_STIM_SYNTAX',
        `repetition count ${this.text.slice(start, pos)} is too large`,
        this.column(start),
      );
    }
    if (count === 0) {
      throw this.error(
        'E_STIM_SYNTAX',
        'REPEAT 0 is not allowed',
        this.column(start),
        'remove the block, or repeat it at least once',
      );
    }
    pos = this.skipSpaces(pos);
    if (this.at(pos) !== 123) {
      throw this.error(
        'E_STIM_SYNTAX',
        `expected '{' after REPEAT ${count}`,
        this.column(pos),
        `write REPEAT ${count} {`,
      );
    }
    this.pos = pos + 1;
    return count;
  }

  private skipSpaces(pos: number): number {
    for (let c = this.at(pos); c === 32 || c === 9 || c === 13; c = this.at(++pos));
    return pos;
  }

  // Digits at `pos` into this.number; returns the position after them. `token` starts the whole target.
  private readNumber(pos: number, token: number): number {
    const start = pos;
    let value = 0;
    for (let c = this.at(pos); c >= 48 && c <= 57; c = this.at(++pos)) {
      value = value * 10 + (c - 48);
      if (value > MAX_TARGET) {
        throw this.error(
          'E_STIM_TARGET',
          `'${this.token(token)}' is larger than ${MAX_TARGET}`,
          this.column(token),
          "that is Stim's limit on indices",
        );
      }
    }
    if (pos === start) throw this.badTarget(token);
    this.number = value;
    return pos;
  }

  // `rec[-k]` or `sweep[k]`: `prefix` spelled out, digits, then ']'.
  private readBracketed(pos: number, prefix: string, what: string): number {
    if (!this.text.startsWith(prefix, pos)) {
      throw this.error('E_STIM_TARGET', `'${this.token(pos)}' is not ${what}`, this.column(pos), TARGET_HINT);
    }
    const end = this.readNumber(pos + prefix.length, pos);
    if (this.at(end) !== 93) {
      throw this.error('E_STIM_TARGET', `'${this.token(pos)}' is not ${what}`, this.column(pos), TARGET_HINT);
    }
    return end + 1;
  }

  private badTarget(pos: number): QnetError {
    const word = this.token(pos);
    const column = this.column(pos);
    if (/^-\d/.test(word)) {
      return this.error(
        'E_STIM_TARGET',
        `qubit index ${word} is negative`,
        column,
        'qubit indices are 0, 1, 2, ...',
      );
    }
    if (/^!?\d+\.\d*$/.test(word) || /^!?\d+[eE]/.test(word)) {
      return this.error('E_STIM_TARGET', `qubit index ${word} is not a whole number`, column, TARGET_HINT);
    }
    if (word === '}') {
      return this.error(
        'E_STIM_SYNTAX',
        "unexpected '}' after targets",
        column,
        "put a block's closing '}' on its own line",
      );
    }
    return this.error('E_STIM_TARGET', `'${word}' is not a valid target`, column, TARGET_HINT);
  }

  // The whitespace-delimited word starting at `pos`, for messages.
  private token(pos: number): string {
    let end = pos;
    for (let c = this.at(end); c > 32 && c !== 35; c = this.at(++end));
    return this.text.slice(pos, Math.max(end, pos + 1));
  }
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

function isPauliLetter(c: number): boolean {
  return c === 88 || c === 89 || c === 90 || c === 120 || c === 121 || c === 122;
}

function describeChar(c: number): string {
  if (c === -1) return 'the end of the file';
  if (c === 10) return 'the end of the line';
  return `'${String.fromCharCode(c)}'`;
}
