// Parameter expressions of OpenQASM: numbers, pi, + − * / ^ (and ** in version 3), unary minus,
// sin cos tan exp ln sqrt (and arcsin arccos arctan in version 3). Constant subexpressions fold
// while parsing, so a top-level `rz(pi/4) q[0];` costs no closure at all; only expressions over
// a gate definition's parameters become closures, evaluated at each expansion.
import { type QasmLexer, T_IDENT, T_NUMBER, T_POWER, T_PUNCT } from './qasm-lexer.js';

/** A folded constant, or a function of the enclosing gate definition's parameter values. */
export type Expr = number | ((params: readonly number[]) => number);

export const evalExpr = (e: Expr, params: readonly number[]): number =>
  typeof e === 'number' ? e : e(params);

const C_PLUS = 43;
const C_MINUS = 45;
const C_STAR = 42;
const C_SLASH = 47;
const C_CARET = 94;
const C_LPAREN = 40;
const C_RPAREN = 41;

const FUNCTIONS2: Readonly<Record<string, (x: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  ln: Math.log,
  sqrt: Math.sqrt,
};
const FUNCTIONS3: Readonly<Record<string, (x: number) => number>> = {
  ...FUNCTIONS2,
  arcsin: Math.asin,
  arccos: Math.acos,
  arctan: Math.atan,
};
const CONSTANTS2: Readonly<Record<string, number>> = { pi: Math.PI };
const CONSTANTS3: Readonly<Record<string, number>> = {
  pi: Math.PI,
  π: Math.PI,
  tau: 2 * Math.PI,
  τ: 2 * Math.PI,
  euler: Math.E,
  ℇ: Math.E,
};

type Binary = (a: number, b: number) => number;
const ADD: Binary = (a, b) => a + b;
const SUB: Binary = (a, b) => a - b;
const MUL: Binary = (a, b) => a * b;
const DIV: Binary = (a, b) => a / b;
const POW: Binary = (a, b) => a ** b;

function binary(op: Binary, l: Expr, r: Expr): Expr {
  if (typeof l === 'number' && typeof r === 'number') return op(l, r);
  if (typeof l === 'number') {
    const rf = r as (p: readonly number[]) => number;
    return (p) => op(l, rf(p));
  }
  if (typeof r === 'number') return (p) => op(l(p), r);
  return (p) => op(l(p), r(p));
}

function unary(f: (x: number) => number, e: Expr): Expr {
  return typeof e === 'number' ? f(e) : (p) => f(e(p));
}

export interface ExprContext {
  lex: QasmLexer;
  version: 2 | 3;
  /** Parameter names in scope (inside a gate definition), or empty at top level. */
  params: readonly string[];
  /** Reports a syntax or name error at the current token; never returns. */
  fail: (message: string, hint?: string) => never;
}

/** Parses one expression at the lexer's current token. */
export function parseExpr(ctx: ExprContext): Expr {
  return additive(ctx);
}

function additive(ctx: ExprContext): Expr {
  let e = multiplicative(ctx);
  const lex = ctx.lex;
  while (lex.kind === T_PUNCT && (lex.code === C_PLUS || lex.code === C_MINUS)) {
    const op = lex.code === C_PLUS ? ADD : SUB;
    lex.next();
    e = binary(op, e, multiplicative(ctx));
  }
  return e;
}

function multiplicative(ctx: ExprContext): Expr {
  let e = signed(ctx);
  const lex = ctx.lex;
  while (lex.kind === T_PUNCT && (lex.code === C_STAR || lex.code === C_SLASH)) {
    const op = lex.code === C_STAR ? MUL : DIV;
    lex.next();
    e = binary(op, e, signed(ctx));
  }
  return e;
}

function signed(ctx: ExprContext): Expr {
  const lex = ctx.lex;
  if (lex.kind === T_PUNCT && lex.code === C_MINUS) {
    lex.next();
    return unary((x) => -x, signed(ctx));
  }
  if (lex.kind === T_PUNCT && lex.code === C_PLUS) {
    lex.next();
    return signed(ctx);
  }
  return power(ctx);
}

// Power binds tighter than unary minus on its left (−2^2 = −4) and is right-associative.
function power(ctx: ExprContext): Expr {
  const base = atom(ctx);
  const lex = ctx.lex;
  const caret = lex.kind === T_PUNCT && lex.code === C_CARET && ctx.version === 2;
  if (caret || lex.kind === T_POWER) {
    lex.next();
    return binary(POW, base, signed(ctx));
  }
  return base;
}

function atom(ctx: ExprContext): Expr {
  const lex = ctx.lex;
  if (lex.kind === T_NUMBER) {
    const v = lex.value;
    lex.next();
    return v;
  }
  if (lex.kind === T_PUNCT && lex.code === C_LPAREN) {
    lex.next();
    const e = additive(ctx);
    expectClose(ctx);
    return e;
  }
  if (lex.kind === T_IDENT) {
    const name = lex.tokenText;
    const k = ctx.params.indexOf(name);
    if (k >= 0) {
      lex.next();
      return (p) => p[k]!;
    }
    const constant = (ctx.version === 2 ? CONSTANTS2 : CONSTANTS3)[name];
    if (constant !== undefined) {
      lex.next();
      return constant;
    }
    const f = (ctx.version === 2 ? FUNCTIONS2 : FUNCTIONS3)[name];
    if (f) {
      lex.next();
      if (!lex.isCode(C_LPAREN)) ctx.fail(`expected '(' after ${name}`);
      lex.next();
      const e = additive(ctx);
      expectClose(ctx);
      return unary(f, e);
    }
    const known = ctx.params.length > 0 ? `parameters here: ${ctx.params.join(', ')}; ` : '';
    return ctx.fail(
      `unknown name '${name}' in an expression`,
      `${known}expressions may use numbers, pi, + - * / ${ctx.version === 2 ? '^' : '**'} and sin cos tan exp ln sqrt`,
    );
  }
  return ctx.fail(`expected an expression, found '${lex.tokenText || 'end of file'}'`);
}

function expectClose(ctx: ExprContext): void {
  const lex = ctx.lex;
  if (!(lex.kind === T_PUNCT && lex.code === C_RPAREN))
    ctx.fail(`expected ')', found '${lex.tokenText || 'end of file'}'`);
  lex.next();
}

/** True if the current token can start an expression (used to tell `gate g() a` from `g a`). */
export function startsExpr(lex: QasmLexer): boolean {
  return (
    lex.kind === T_NUMBER ||
    lex.kind === T_IDENT ||
    (lex.kind === T_PUNCT && (lex.code === C_LPAREN || lex.code === C_MINUS || lex.code === C_PLUS))
  );
}
