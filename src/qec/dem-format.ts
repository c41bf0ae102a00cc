// Stim's detector-error-model text format (`.dem`): parse (unrolling `repeat` and applying
// `shift_detectors`) and print with absolute detector ids.
// Format: https://github.com/quantumlib/Stim/blob/main/doc/file_format_dem_detector_error_model.md

import { QnetError } from '../util/errors.js';
import type { DemError, DemTerm, DetectorErrorModel } from './dem.js';

const INSTRUCTIONS = ['error', 'detector', 'logical_observable', 'shift_detectors', 'repeat'];
/** Unrolled instructions beyond which a model is refused rather than exhausting memory. */
const MAX_UNROLLED = 50_000_000;

type Target = { kind: 'D' | 'L' | 'num'; value: number; column: number } | { kind: 'sep'; column: number };

interface Instruction {
  name: string;
  args: number[];
  targets: Target[];
  line: number;
  column: number;
  body?: Instruction[];
  repeatCount?: number;
}

interface Where {
  file: string | undefined;
}

function syntaxError(
  where: Where,
  line: number,
  column: number,
  message: string,
  hint: string,
  code = 'E_DEM_SYNTAX',
): QnetError {
  const opts: { file?: string; line: number; column: number; hint: string } = {
    line,
    column,
    hint,
  };
  if (where.file !== undefined) opts.file = where.file;
  return new QnetError(code, message, opts);
}

function parseNonNegativeInt(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Reads one instruction line (comment already stripped, not blank, not `}`). */
function parseLine(text: string, lineNo: number, where: Where): Instruction {
  const head = /^(\s*)([A-Za-z_]+)(\[[^\]]*\])?/.exec(text);
  if (!head) {
    const column = (/^\s*/.exec(text)?.[0].length ?? 0) + 1;
    throw syntaxError(
      where,
      lineNo,
      column,
      `expected an instruction, found '${text.trim()}'`,
      `lines start with one of ${INSTRUCTIONS.join(', ')}`,
    );
  }
  const column = (head[1]?.length ?? 0) + 1;
  const name = (head[2] ?? '').toLowerCase();
  if (!INSTRUCTIONS.includes(name)) {
    throw syntaxError(
      where,
      lineNo,
      column,
      `unknown instruction '${head[2]}'`,
      `a detector error model knows ${INSTRUCTIONS.join(', ')}`,
    );
  }
  let pos = head[0].length;
  const args: number[] = [];
  if (text[pos] === '(') {
    const close = text.indexOf(')', pos);
    if (close < 0) {
      throw syntaxError(
        where,
        lineNo,
        pos + 1,
        `unclosed '(' in ${name}`,
        'close the argument list, e.g. error(0.01) D0',
      );
    }
    const inner = text.slice(pos + 1, close);
    let argCol = pos + 2;
    if (inner.trim() !== '') {
      for (const part of inner.split(',')) {
        const trimmed = part.trim();
        const value = Number(trimmed);
        if (trimmed === '' || !Number.isFinite(value)) {
          throw syntaxError(
            where,
            lineNo,
            argCol + (part.length - part.trimStart().length),
            `'${trimmed}' is not a number`,
            'arguments are decimal numbers separated by commas, e.g. detector(1, 2, 0) D3',
          );
        }
        args.push(value);
        argCol += part.length + 1;
      }
    }
    pos = close + 1;
  }
  const rest = text.slice(pos);
  if (name === 'repeat') {
    const m = /^\s+(\S+)\s*\{\s*$/.exec(rest);
    const count = m?.[1] === undefined ? undefined : parseNonNegativeInt(m[1]);
    if (!m || count === undefined) {
      throw syntaxError(
        where,
        lineNo,
        column,
        'malformed repeat block header',
        "write 'repeat N {' with a non-negative integer N and the '{' on the same line",
      );
    }
    return { name, args, targets: [], line: lineNo, column, body: [], repeatCount: count };
  }
  const targets: Target[] = [];
  const tokenRe = /\^|[^\s^]+/g;
  for (let m = tokenRe.exec(rest); m !== null; m = tokenRe.exec(rest)) {
    const tok = m[0];
    const tokCol = pos + m.index + 1;
    if (tok === '^') {
      targets.push({ kind: 'sep', column: tokCol });
      continue;
    }
    const first = tok[0];
    if (first === 'D' || first === 'L' || first === 'd' || first === 'l') {
      const value = parseNonNegativeInt(tok.slice(1));
      if (value === undefined) {
        throw syntaxError(
          where,
          lineNo,
          tokCol,
          `bad target '${tok}'`,
          'detector targets are D<k> and observable targets L<k> with k a non-negative integer',
        );
      }
      targets.push({ kind: first.toUpperCase() as 'D' | 'L', value, column: tokCol });
      continue;
    }
    const value = parseNonNegativeInt(tok);
    if (value === undefined) {
      throw syntaxError(
        where,
        lineNo,
        tokCol,
        `bad target '${tok}'`,
        'targets are D<k>, L<k>, ^ or (for shift_detectors) a non-negative integer',
      );
    }
    targets.push({ kind: 'num', value, column: tokCol });
  }
  return { name, args, targets, line: lineNo, column };
}

function parseBlocks(text: string, where: Where): Instruction[] {
  const root: Instruction[] = [];
  const stack: { body: Instruction[]; open: Instruction | undefined }[] = [{ body: root, open: undefined }];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i] ?? '';
    const hash = raw.indexOf('#');
    const code = hash >= 0 ? raw.slice(0, hash) : raw;
    const trimmed = code.trim();
    if (trimmed === '') continue;
    const top = stack[stack.length - 1];
    if (top === undefined) throw new Error('dem parser: empty block stack');
    if (trimmed === '}') {
      if (stack.length === 1) {
        throw syntaxError(
          where,
          lineNo,
          code.indexOf('}') + 1,
          "'}' without a matching 'repeat N {'",
          'remove the stray brace or open a repeat block before it',
        );
      }
      stack.pop();
      continue;
    }
    const inst = parseLine(code, lineNo, where);
    top.body.push(inst);
    if (inst.body) stack.push({ body: inst.body, open: inst });
  }
  const unclosed = stack[stack.length - 1]?.open;
  if (unclosed) {
    throw syntaxError(
      where,
      unclosed.line,
      unclosed.column,
      "repeat block is never closed with '}'",
      "add a line holding only '}' after the block's body",
    );
  }
  return root;
}

interface ExecState {
  detectorOffset: number;
  coordShift: number[];
  errors: DemError[];
  coords: Map<number, readonly number[]>;
  maxDetector: number;
  maxObservable: number;
  executed: number;
}

function sortedXor(values: number[]): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of values) {
    if (out.length > 0 && out[out.length - 1] === v) out.pop();
    else out.push(v);
  }
  return out;
}

function runError(inst: Instruction, state: ExecState, where: Where): void {
  const p = inst.args[0];
  if (inst.args.length !== 1 || p === undefined || !(p >= 0 && p <= 1)) {
    throw syntaxError(
      where,
      inst.line,
      inst.column,
      `error needs exactly one probability in [0, 1], got (${inst.args.join(', ')})`,
      'write error(p) D0 D1 with 0 <= p <= 1',
      'E_DEM_PROBABILITY',
    );
  }
  const components: DemTerm[] = [];
  let dets: number[] = [];
  let obs: number[] = [];
  let termStartColumn = inst.column;
  const closeTerm = (column: number): void => {
    if (dets.length === 0 && obs.length === 0) {
      throw syntaxError(
        where,
        inst.line,
        column,
        "empty component around '^'",
        "'^' separates non-empty groups of D and L targets, e.g. error(0.1) D0 D1 ^ D2",
      );
    }
    components.push({ detectors: sortedXor(dets), observables: sortedXor(obs) });
    dets = [];
    obs = [];
  };
  for (const t of inst.targets) {
    if (t.kind === 'sep') {
      closeTerm(t.column);
      termStartColumn = t.column;
    } else if (t.kind === 'D') {
      const id = t.value + state.detectorOffset;
      dets.push(id);
      if (id > state.maxDetector) state.maxDetector = id;
    } else if (t.kind === 'L') {
      obs.push(t.value);
      if (t.value > state.maxObservable) state.maxObservable = t.value;
    } else {
      throw syntaxError(
        where,
        inst.line,
        t.column,
        `error targets are D<k>, L<k> or ^, not '${t.value}'`,
        'prefix detector ids with D and observable ids with L',
      );
    }
  }
  if (inst.targets.length === 0) {
    // Stim accepts a symptomless error; it carries no information, so it has no component.
    state.errors.push({ probability: p, components: [] });
    return;
  }
  closeTerm(termStartColumn);
  state.errors.push({ probability: p, components });
}

function execute(body: readonly Instruction[], state: ExecState, where: Where): void {
  for (const inst of body) {
    state.executed++;
    if (state.executed > MAX_UNROLLED) {
      throw syntaxError(
        where,
        inst.line,
        inst.column,
        `the model unrolls to more than ${MAX_UNROLLED} instructions`,
        'lower the repeat counts',
        'E_DEM_TOO_LARGE',
      );
    }
    switch (inst.name) {
      case 'error':
        runError(inst, state, where);
        break;
      case 'detector':
        for (const t of inst.targets) {
          if (t.kind !== 'D') {
            throw syntaxError(
              where,
              inst.line,
              t.column,
              'detector takes only D<k> targets',
              'write detector(x, y, t) D5',
            );
          }
          const id = t.value + state.detectorOffset;
          if (id > state.maxDetector) state.maxDetector = id;
          if (inst.args.length > 0) {
            state.coords.set(
              id,
              inst.args.map((a, k) => a + (state.coordShift[k] ?? 0)),
            );
          }
        }
        break;
      case 'logical_observable':
        for (const t of inst.targets) {
          if (t.kind !== 'L') {
            throw syntaxError(
              where,
              inst.line,
              t.column,
              'logical_observable takes only L<k> targets',
              'write logical_observable L0',
            );
          }
          if (t.value > state.maxObservable) state.maxObservable = t.value;
        }
        break;
      case 'shift_detectors': {
        const [t, ...extra] = inst.targets;
        if (t === undefined || t.kind !== 'num' || extra.length > 0) {
          throw syntaxError(
            where,
            inst.line,
            inst.column,
            'shift_detectors takes exactly one non-negative integer target',
            'write shift_detectors(0, 0, 1) 8',
          );
        }
        state.detectorOffset += t.value;
        inst.args.forEach((a, k) => {
          state.coordShift[k] = (state.coordShift[k] ?? 0) + a;
        });
        break;
      }
      case 'repeat':
        for (let r = 0; r < (inst.repeatCount ?? 0); r++) execute(inst.body ?? [], state, where);
        break;
      default:
        throw new Error(`dem parser: unhandled instruction ${inst.name}`);
    }
  }
}

/** Parses Stim's `.dem` text into absolute detector ids and coordinates. */
export function parseDem(text: string, file?: string): DetectorErrorModel {
  const where: Where = { file };
  const program = parseBlocks(text, where);
  const state: ExecState = {
    detectorOffset: 0,
    coordShift: [],
    errors: [],
    coords: new Map(),
    maxDetector: -1,
    maxObservable: -1,
    executed: 0,
  };
  execute(program, state, where);
  return {
    numDetectors: state.maxDetector + 1,
    numObservables: state.maxObservable + 1,
    errors: state.errors,
    detectorCoords: state.coords,
  };
}

function formatTerm(term: DemTerm): string {
  const parts: string[] = [];
  for (const d of term.detectors) parts.push(`D${d}`);
  for (const o of term.observables) parts.push(`L${o}`);
  return parts.join(' ');
}

/**
 * Writes a model with absolute ids and no shifts. Probabilities use JavaScript's shortest
 * round-trip decimal form, so parseDem(printDem(m)) reproduces every probability exactly.
 */
export function printDem(dem: DetectorErrorModel): string {
  const lines: string[] = [];
  const seenDetectors = new Set<number>();
  const seenObservables = new Set<number>();
  for (const e of dem.errors) {
    for (const c of e.components) {
      for (const d of c.detectors) seenDetectors.add(d);
      for (const o of c.observables) seenObservables.add(o);
    }
    const body = e.components.map(formatTerm).join(' ^ ');
    lines.push(body === '' ? `error(${e.probability})` : `error(${e.probability}) ${body}`);
  }
  for (let d = 0; d < dem.numDetectors; d++) {
    const coords = dem.detectorCoords.get(d);
    if (coords !== undefined) lines.push(`detector(${coords.join(', ')}) D${d}`);
    else if (!seenDetectors.has(d)) lines.push(`detector D${d}`);
  }
  for (let o = 0; o < dem.numObservables; o++) {
    if (!seenObservables.has(o)) lines.push(`logical_observable L${o}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
