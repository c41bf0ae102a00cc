// Gate definitions are written as short QASM-like text ('u1(lambda/2) q0; cx q0,q1') so the table
// reads like qelib1.inc and a printer can emit them as `gate` blocks unchanged. This module turns
// that text into steps with compiled parameter functions. Only the table's own text passes here,
// so malformed text is a programming error (plain Error), not a user error.
import type { DefinitionStep } from './types.js';

type Expr = (p: readonly number[]) => number;

const TOKEN = /\s*(?:(\d+\.?\d*(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(.))/gy;

interface Tok {
  kind: 'num' | 'id' | 'op';
  text: string;
}

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (;;) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || m[0].length === 0) {
      if (text.slice(at).trim() !== '')
        throw new Error(`bad definition text at ${JSON.stringify(text.slice(at))}`);
      return out;
    }
    if (m[1] !== undefined) out.push({ kind: 'num', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'id', text: m[2] });
    else if (m[3] !== undefined && m[3].trim() !== '') out.push({ kind: 'op', text: m[3] });
  }
}

/** Parses `text` (steps separated by ';') for a gate with the given parameter names and arity. */
export function parseDefinition(
  text: string,
  paramNames: readonly string[],
  arity: number,
): DefinitionStep[] {
  const toks = tokenize(text);
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const fail = (why: string): never => {
    throw new Error(`definition ${JSON.stringify(text)}: ${why} at token ${i}`);
  };
  const expect = (op: string): void => {
    if (peek()?.text !== op) fail(`expected '${op}'`);
    i++;
  };

  // expr := term (('+'|'-') term)*; term := unary (('*'|'/') unary)*; unary := '-' unary | atom
  const atom = (): Expr => {
    const t = peek() ?? fail('unexpected end');
    i++;
    if (t.kind === 'num') {
      const v = Number(t.text);
      return () => v;
    }
    if (t.kind === 'id') {
      if (t.text === 'pi') return () => Math.PI;
      const k = paramNames.indexOf(t.text);
      if (k < 0) fail(`unknown name ${t.text}`);
      return (p) => p[k]!;
    }
    if (t.text === '(') {
      const e = expr();
      expect(')');
      return e;
    }
    return fail(`unexpected '${t.text}'`);
  };
  const unary = (): Expr => {
    if (peek()?.text === '-') {
      i++;
      const e = unary();
      return (p) => -e(p);
    }
    return atom();
  };
  const term = (): Expr => {
    let e = unary();
    while (peek()?.text === '*' || peek()?.text === '/') {
      const op = toks[i++]!.text;
      const l = e;
      const r = unary();
      e = op === '*' ? (p) => l(p) * r(p) : (p) => l(p) / r(p);
    }
    return e;
  };
  const expr = (): Expr => {
    let e = term();
    while (peek()?.text === '+' || peek()?.text === '-') {
      const op = toks[i++]!.text;
      const l = e;
      const r = term();
      e = op === '+' ? (p) => l(p) + r(p) : (p) => l(p) - r(p);
    }
    return e;
  };

  const steps: DefinitionStep[] = [];
  while (i < toks.length) {
    if (peek()?.text === ';') {
      i++;
      continue;
    }
    const name = peek();
    if (name?.kind !== 'id') return fail('expected a gate name');
    i++;
    const exprs: Expr[] = [];
    const paramText: string[] = [];
    if (peek()?.text === '(') {
      i++;
      for (;;) {
        const from = i;
        exprs.push(expr());
        paramText.push(
          toks
            .slice(from, i)
            .map((t) => t.text)
            .join(''),
        );
        if (peek()?.text === ',') i++;
        else break;
      }
      expect(')');
    }
    const targets: number[] = [];
    for (;;) {
      const q = peek();
      const m = q?.kind === 'id' ? /^q(\d+)$/.exec(q.text) : null;
      if (!m) return fail('expected a qubit q0, q1, ...');
      const t = Number(m[1]);
      if (t >= arity) fail(`qubit q${t} out of range`);
      targets.push(t);
      i++;
      if (peek()?.text === ',') i++;
      else break;
    }
    steps.push({
      gate: name.text,
      targets,
      params: exprs.length === 0 ? () => [] : (p) => exprs.map((e) => e(p)),
      paramText,
    });
  }
  return steps;
}
