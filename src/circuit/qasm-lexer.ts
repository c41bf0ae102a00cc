// A pull lexer for OpenQASM 2 and 3 over character codes: one pass, no regular expressions and
// no per-token allocation beyond the substrings the parser asks for, so parsing stays linear in
// the file (a million-gate file is tens of megabytes).

export const T_EOF = 0;
export const T_IDENT = 1;
export const T_NUMBER = 2;
export const T_STRING = 3;
/** One punctuation character; `code` holds its character code. */
export const T_PUNCT = 4;
export const T_ARROW = 5; // ->
export const T_EQEQ = 6; // ==
export const T_POWER = 7; // **
export const T_NEQ = 8; // !=
export const T_LE = 9; // <=
export const T_GE = 10; // >=
export const T_ANDAND = 11; // &&
export const T_OROR = 12; // ||
export const T_INCREMENT = 13; // ++ and compound assignments: never valid in the subset

const C_NL = 10;
const C_CR = 13;
const C_SLASH = 47;
const C_STAR = 42;
const C_DOT = 46;
const C_QUOTE = 34;
const C_APOS = 39;
const C_UNDERSCORE = 95;
const C_DOLLAR = 36;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === C_UNDERSCORE || c === C_DOLLAR || c > 127;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);

export interface LexError {
  message: string;
  line: number;
  column: number;
}

export class QasmLexer {
  readonly text: string;
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  /** Current token. */
  kind = T_EOF;
  /** For T_PUNCT: the character code. */
  code = 0;
  start = 0;
  end = 0;
  tokLine = 1;
  tokColumn = 1;
  /** For T_NUMBER: the value; for T_NUMBER also whether it was written as an integer. */
  value = 0;
  isInteger = false;
  /** Set when the lexer meets something it cannot read; the parser reports it. */
  error: LexError | undefined;

  constructor(text: string) {
    this.text = text;
    this.next();
  }

  /** The current token's text. */
  get tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  /** True if the current token is the identifier `word` (compared without building a string). */
  isWord(word: string): boolean {
    if (this.kind !== T_IDENT || this.end - this.start !== word.length) return false;
    return this.text.startsWith(word, this.start);
  }

  /** True if the current token is the single punctuation character with this code. */
  isCode(code: number): boolean {
    return this.kind === T_PUNCT && this.code === code;
  }

  next(): void {
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    // Skip white space and comments.
    for (;;) {
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === C_NL) {
        i++;
        this.line++;
        this.lineStart = i;
      } else if (c === 32 || c === 9 || c === C_CR || c === 12 || c === 11 || c === 0xfeff) {
        i++;
      } else if (c === C_SLASH && text.charCodeAt(i + 1) === C_SLASH) {
        i += 2;
        while (i < n && text.charCodeAt(i) !== C_NL) i++;
      } else if (c === C_SLASH && text.charCodeAt(i + 1) === C_STAR) {
        const openLine = this.line;
        const openColumn = i - this.lineStart + 1;
        i += 2;
        for (;;) {
          if (i >= n) {
            this.error = { message: 'comment /* is never closed', line: openLine, column: openColumn };
            break;
          }
          const d = text.charCodeAt(i);
          if (d === C_STAR && text.charCodeAt(i + 1) === C_SLASH) {
            i += 2;
            break;
          }
          if (d === C_NL) {
            this.line++;
            this.lineStart = i + 1;
          }
          i++;
        }
      } else break;
    }
    this.start = i;
    this.tokLine = this.line;
    this.tokColumn = i - this.lineStart + 1;
    if (i >= n) {
      this.kind = T_EOF;
      this.end = this.pos = i;
      return;
    }
    const c = text.charCodeAt(i);
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      this.kind = T_IDENT;
    } else if (isDigit(c) || (c === C_DOT && isDigit(text.charCodeAt(i + 1)))) {
      i = this.lexNumber(i);
    } else if (c === C_QUOTE || c === C_APOS) {
      i++;
      while (i < n && text.charCodeAt(i) !== c && text.charCodeAt(i) !== C_NL) i++;
      if (text.charCodeAt(i) !== c) {
        this.error ??= { message: 'string is never closed', line: this.tokLine, column: this.tokColumn };
      } else i++;
      this.kind = T_STRING;
    } else {
      const d = text.charCodeAt(i + 1);
      this.kind = T_PUNCT;
      this.code = c;
      if (c === 45 && d === 62) this.kind = T_ARROW;
      else if (c === 61 && d === 61) this.kind = T_EQEQ;
      else if (c === C_STAR && d === C_STAR) this.kind = T_POWER;
      else if (c === 33 && d === 61) this.kind = T_NEQ;
      else if (c === 60 && d === 61) this.kind = T_LE;
      else if (c === 62 && d === 61) this.kind = T_GE;
      else if (c === 38 && d === 38) this.kind = T_ANDAND;
      else if (c === 124 && d === 124) this.kind = T_OROR;
      else if (
        (c === 43 && (d === 43 || d === 61)) ||
        ((c === 45 || c === C_STAR || c === C_SLASH) && d === 61)
      ) {
        this.kind = T_INCREMENT;
      }
      i += this.kind === T_PUNCT ? 1 : 2;
    }
    this.end = this.pos = i;
  }

  private lexNumber(i: number): number {
    const text = this.text;
    const n = text.length;
    const from = i;
    let integer = true;
    let underscores = false;
    while (i < n && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === C_UNDERSCORE)) {
      if (text.charCodeAt(i) === C_UNDERSCORE) underscores = true;
      i++;
    }
    if (text.charCodeAt(i) === C_DOT) {
      integer = false;
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      const s = text.charCodeAt(i + 1);
      const j = s === 43 || s === 45 ? i + 2 : i + 1;
      if (isDigit(text.charCodeAt(j))) {
        integer = false;
        i = j;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
    }
    const raw = text.slice(from, i);
    this.value = Number(underscores ? raw.replaceAll('_', '') : raw);
    this.isInteger = integer;
    this.kind = T_NUMBER;
    return i;
  }
}
