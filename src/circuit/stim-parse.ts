// Stim circuit text → circuit IR. The scanner (stim-scan.ts) reads one instruction at a time; this file
// checks it against what the instruction means (stim-names.ts) and builds IR, keeping REPEAT folded.
// Every mistake a user can make becomes a QnetError at file:line:column with a hint.

import type { Circuit, GateOp, Instruction, MeasureOp } from './ir.js';
import { type Feedback, lookupStim, nearestStimName, type StimEntry } from './stim-names.js';
import { COMBINER, INVERTED, PAULI, QUBIT, RECORD, StimScanner, SWEEP } from './stim-scan.js';

/** Parses Stim circuit text. `file` only labels error messages; nothing is read from disk. */
export function parseStim(text: string, file?: string): Circuit {
  return new StimParser(text, file).parse();
}

// Stim's own slack when checking that disjoint probabilities sum to at most 1 (circuit.cc validate_gate),
// so every file Stim accepts is accepted here.
const SUM_TOLERANCE = 1e-7;

const NO_PARAMS: readonly number[] = Object.freeze([]);

const NOISE_ARGS: Readonly<Record<number, string>> = {
  1: 'one probability, as in X_ERROR(0.001)',
  3: 'the probabilities of X, Y and Z: PAULI_CHANNEL_1(px, py, pz)',
  15: 'the probabilities of IX, IY, IZ, XI, XX, ..., ZZ in that order',
};

interface OpenBlock {
  body: Instruction[];
  count: number;
  line: number;
  column: number;
  measurementsBefore: number;
}

type Entry<T extends StimEntry['type']> = Extract<StimEntry, { type: T }>;

const KNOWN = "qnet reads Stim's Clifford gates, M/MR/R in X, Y, Z, Pauli noise and the annotations";

class StimParser {
  private readonly scan: StimScanner;
  /**
   * Length of the measurement record so far, counting the body of each enclosing REPEAT once: the first
   * pass is where a look-back reaches furthest back, so checking it there checks every pass.
   */
  private measurements = 0;
  private line = 0;
  private column = 0;

  constructor(text: string, file: string | undefined) {
    this.scan = new StimScanner(text, file);
  }

  parse(): Circuit {
    const scan = this.scan;
    const root: Instruction[] = [];
    const open: OpenBlock[] = [];
    let out = root;
    for (let c = scan.skipToInstruction(); c !== -1; c = scan.skipToInstruction()) {
      this.line = scan.line;
      this.column = scan.column();
      if (c === 125) {
        const block = open.pop();
        if (block === undefined) {
          throw scan.error(
            'E_STIM_BLOCK',
            "'}' closes no block",
            this.column,
            "remove it, or open the block with 'REPEAT n {'",
          );
        }
        scan.pos++;
        const perPass = this.measurements - block.measurementsBefore;
        this.measurements = block.measurementsBefore + block.count * perPass;
        out = open.length === 0 ? root : open[open.length - 1]!.body;
        out.push({ kind: 'repeat', count: block.count, body: block.body, line: block.line });
        continue;
      }
      const name = scan.readName();
      if (name === '') {
        throw scan.error(
          'E_STIM_SYNTAX',
          `expected an instruction name, found '${String.fromCharCode(c)}'`,
          this.column,
        );
      }
      const entry = lookupStim(name);
      if (entry === undefined) {
        const guess = nearestStimName(name);
        const hint = guess === undefined ? KNOWN : `did you mean '${guess}'?`;
        throw scan.error('E_STIM_UNKNOWN', `unknown Stim instruction '${name}'`, this.column, hint);
      }
      if (entry.type === 'unsupported') {
        throw scan.error(
          'E_STIM_UNSUPPORTED',
          `Stim instruction '${entry.stim}' is not supported by qnet`,
          this.column,
          entry.hint,
        );
      }
      scan.skipTag();
      scan.readArgs();
      if (entry.type === 'repeat') {
        this.noArgs(entry);
        const count = scan.readBlockHeader();
        const block: OpenBlock = {
          body: [],
          count,
          line: this.line,
          column: this.column,
          measurementsBefore: this.measurements,
        };
        open.push(block);
        out = block.body;
        continue;
      }
      scan.readTargets();
      if (scan.pos < scan.text.length && scan.text.charCodeAt(scan.pos) === 123) {
        throw scan.error(
          'E_STIM_BLOCK',
          "'{' can only open a REPEAT block",
          scan.column(),
          'write REPEAT n {',
        );
      }
      this.instruction(entry, out);
    }
    const unclosed = open[open.length - 1];
    if (unclosed !== undefined) {
      throw scan.error(
        'E_STIM_BLOCK',
        `REPEAT ${unclosed.count} { is never closed`,
        unclosed.column,
        "add a line with '}' after the block's last instruction",
        unclosed.line,
      );
    }
    const circuit: Circuit = {
      numQubits: scan.maxQubit + 1,
      numBits: 0,
      qregs: [],
      cregs: [],
      instructions: root,
      source: scan.file === undefined ? { format: 'stim' } : { format: 'stim', file: scan.file },
    };
    return circuit;
  }

  private instruction(
    entry: Exclude<StimEntry, { type: 'repeat' | 'unsupported' }>,
    out: Instruction[],
  ): void {
    const scan = this.scan;
    const line = this.line;
    switch (entry.type) {
      case 'gate':
        this.gate(entry, out);
        return;
      case 'measure':
        out.push(this.measure(entry));
        return;
      case 'reset':
        this.noArgs(entry);
        this.onlyKinds(entry, 1 << QUBIT);
        out.push({ kind: 'reset', basis: entry.basis, targets: this.targets(), line });
        return;
      case 'noise':
        this.noise(entry, out);
        return;
      case 'detector':
        this.onlyKinds(entry, 1 << RECORD);
        this.checkLookbacks();
        out.push({ kind: 'detector', lookbacks: this.targets(), coords: this.argList(), line });
        return;
      case 'observable': {
        this.argCount(entry, 1, 'write the observable index, as in OBSERVABLE_INCLUDE(0) rec[-1]');
        const index = scan.args[0]!;
        if (!Number.isSafeInteger(index) || index < 0) {
          throw scan.error(
            'E_STIM_ARG',
            `observable index ${index} is not a whole number >= 0`,
            scan.argColumns[0]!,
          );
        }
        this.onlyKinds(entry, 1 << RECORD);
        this.checkLookbacks();
        out.push({ kind: 'observable', index, lookbacks: this.targets(), line });
        return;
      }
      case 'tick':
        this.noArgs(entry);
        this.noTargets(entry);
        out.push({ kind: 'tick', line });
        return;
      case 'qubit_coords':
        this.onlyKinds(entry, 1 << QUBIT);
        out.push({ kind: 'qubit_coords', targets: this.targets(), coords: this.argList(), line });
        return;
      case 'shift_coords':
        this.noTargets(entry);
        out.push({ kind: 'shift_coords', coords: this.argList(), line });
        return;
    }
  }

  private gate(entry: Entry<'gate'>, out: Instruction[]): void {
    this.noArgs(entry);
    const feedback = entry.feedback;
    this.onlyKinds(entry, feedback === undefined ? 1 << QUBIT : (1 << QUBIT) | (1 << RECORD));
    if (entry.arity === 2) this.checkPairs(entry);
    const scan = this.scan;
    let records = false;
    for (let i = 0; i < scan.count && !records; i++) records = scan.kinds[i] === RECORD;
    if (!records) {
      out.push({
        kind: 'gate',
        gate: entry.gate,
        targets: this.targets(),
        params: NO_PARAMS,
        line: this.line,
      });
      return;
    }
    this.splitFeedback(entry, feedback!, out);
  }

  /**
   * `CX 0 1 rec[-1] 2 3 4` becomes cx(0,1), x(2) if rec[-1], cx(3,4): Stim applies a line's pairs in
   * order, so splitting the line keeps its meaning.
   */
  private splitFeedback(entry: Entry<'gate'>, feedback: Feedback, out: Instruction[]): void {
    const scan = this.scan;
    let run: number[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      out.push({ kind: 'gate', gate: entry.gate, targets: run, params: NO_PARAMS, line: this.line });
      run = [];
    };
    for (let i = 0; i < scan.count; i += 2) {
      const a = scan.kinds[i] === RECORD;
      const b = scan.kinds[i + 1] === RECORD;
      if (!a && !b) {
        run.push(scan.values[i]!, scan.values[i + 1]!);
        continue;
      }
      const side = a ? 0 : 1;
      if (a && b) {
        throw scan.error(
          'E_STIM_TARGET',
          `${entry.stim} joins two record targets`,
          scan.columns[i]!,
          'one side of a feedback pair must be a qubit',
        );
      }
      if (feedback.recordSide !== 'either' && feedback.recordSide !== side) {
        const example = feedback.recordSide === 0 ? `${entry.stim} rec[-1] 5` : `${entry.stim} 5 rec[-1]`;
        throw scan.error(
          'E_STIM_TARGET',
          `${entry.stim} takes rec[-k] only as its ${feedback.recordSide === 0 ? 'first' : 'second'} target`,
          scan.columns[i + side]!,
          `write ${example}`,
        );
      }
      this.checkLookback(i + side);
      flush();
      const op: GateOp = {
        kind: 'gate',
        gate: feedback.pauli,
        targets: [scan.values[i + 1 - side]!],
        params: NO_PARAMS,
        recordControl: scan.values[i + side]!,
        line: this.line,
      };
      out.push(op);
    }
    flush();
  }

  private measure(entry: Entry<'measure'>): MeasureOp {
    const scan = this.scan;
    if (scan.argCount > 1) {
      throw scan.error(
        'E_STIM_ARG',
        `${entry.stim} takes at most one argument (the flip probability), got ${scan.argCount}`,
        scan.argColumns[1]!,
      );
    }
    const flipProbability = scan.argCount === 1 ? this.probability(entry, 0) : 0;
    this.onlyKinds(entry, (1 << QUBIT) | (1 << INVERTED));
    const op: MeasureOp = {
      kind: 'measure',
      basis: entry.basis,
      targets: this.targets(),
      flipProbability,
      reset: entry.reset,
      line: this.line,
    };
    let inverted: boolean[] | undefined;
    for (let i = 0; i < scan.count; i++) {
      if (scan.kinds[i] !== INVERTED) continue;
      inverted ??= new Array<boolean>(scan.count).fill(false);
      inverted[i] = true;
    }
    if (inverted !== undefined) op.inverted = inverted;
    this.measurements += scan.count;
    return op;
  }

  private noise(entry: Entry<'noise'>, out: Instruction[]): void {
    const scan = this.scan;
    this.argCount(entry, entry.argCount, NOISE_ARGS[entry.argCount] ?? '');
    let sum = 0;
    for (let i = 0; i < scan.argCount; i++) sum += this.probability(entry, i);
    if (sum > 1 + SUM_TOLERANCE) {
      throw scan.error(
        'E_STIM_PROBABILITY',
        `the probabilities of ${entry.stim} sum to ${sum}, more than 1`,
        scan.argColumns[0]!,
        'each argument is the probability of one disjoint Pauli error',
      );
    }
    this.onlyKinds(entry, 1 << QUBIT);
    if (entry.arity === 2) this.checkPairs(entry);
    out.push({
      kind: 'noise',
      channel: entry.channel,
      targets: this.targets(),
      probabilities: this.argList(),
      line: this.line,
    });
  }

  private targets(): number[] {
    return this.scan.values.slice(0, this.scan.count);
  }

  private argList(): number[] {
    return this.scan.args.slice(0, this.scan.argCount);
  }

  private probability(entry: StimEntry, i: number): number {
    const p = this.scan.args[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw this.scan.error(
        'E_STIM_PROBABILITY',
        `${entry.stim}: probability ${p} is outside [0, 1]`,
        this.scan.argColumns[i]!,
      );
    }
    return p;
  }

  private noArgs(entry: StimEntry): void {
    if (this.scan.argCount > 0) {
      throw this.scan.error(
        'E_STIM_ARG',
        `${entry.stim} takes no arguments`,
        this.scan.parenColumn,
        'remove the parentheses',
      );
    }
  }

  private argCount(entry: StimEntry, expected: number, hint: string): void {
    const scan = this.scan;
    if (scan.argCount !== expected) {
      const column = scan.argCount === 0 ? this.column : scan.parenColumn;
      const s = expected === 1 ? '' : 's';
      throw scan.error(
        'E_STIM_ARG',
        `${entry.stim} takes ${expected} argument${s}, got ${scan.argCount}`,
        column,
        hint,
      );
    }
  }

  private noTargets(entry: StimEntry): void {
    if (this.scan.count > 0) {
      throw this.scan.error('E_STIM_TARGET', `${entry.stim} takes no targets`, this.scan.columns[0]!);
    }
  }

  /** Every target's kind must be in `allowed` (a bit mask of kinds). */
  private onlyKinds(entry: StimEntry, allowed: number): void {
    const scan = this.scan;
    for (let i = 0; i < scan.count; i++) {
      const kind = scan.kinds[i]!;
      if ((allowed >> kind) & 1) continue;
      const column = scan.columns[i]!;
      switch (kind) {
        case QUBIT:
          throw scan.error(
            'E_STIM_TARGET',
            `${entry.stim} takes only rec[-k] targets, not qubit ${scan.values[i]}`,
            column,
            'write rec[-1] for the latest measurement',
          );
        case INVERTED:
          throw scan.error(
            'E_STIM_TARGET',
            `${entry.stim} can't invert a target: '!' only applies to measurement results`,
            column,
          );
        case RECORD:
          throw scan.error(
            'E_STIM_TARGET',
            `${entry.stim} can't take a measurement-record target`,
            column,
            'rec[-k] belongs on DETECTOR, OBSERVABLE_INCLUDE and feedback: CX/CY/CZ rec[-k] q',
          );
        case SWEEP:
          throw scan.error(
            'E_STIM_UNSUPPORTED',
            'sweep bits are not supported by qnet',
            column,
            'write the circuit for one fixed setting of the sweep bits',
          );
        case PAULI:
        case COMBINER:
          throw scan.error(
            'E_STIM_TARGET',
            `${entry.stim} can't take Pauli targets like X3 or '*'`,
            column,
            'Pauli-product instructions (MPP, SPP) are not supported by qnet',
          );
        default:
          throw new Error(`stim-parse: unknown target kind ${kind}`);
      }
    }
  }

  private checkPairs(entry: StimEntry): void {
    const scan = this.scan;
    if (scan.count % 2 === 1) {
      throw scan.error(
        'E_STIM_TARGET',
        `${entry.stim} acts on pairs of qubits, but got ${scan.count} targets`,
        scan.columns[scan.count - 1]!,
        'this last target has no partner',
      );
    }
    for (let i = 0; i < scan.count; i += 2) {
      if (scan.values[i] === scan.values[i + 1] && scan.kinds[i] === QUBIT && scan.kinds[i + 1] === QUBIT) {
        throw scan.error(
          'E_STIM_TARGET',
          `${entry.stim} pairs qubit ${scan.values[i]} with itself`,
          scan.columns[i]!,
          'the two targets of a pair must differ',
        );
      }
    }
  }

  private checkLookbacks(): void {
    for (let i = 0; i < this.scan.count; i++) this.checkLookback(i);
  }

  private checkLookback(i: number): void {
    const scan = this.scan;
    const k = scan.values[i]!;
    if (k > this.measurements) {
      const have = this.measurements === 1 ? '1 measurement' : `${this.measurements} measurements`;
      throw scan.error(
        'E_STIM_RECORD',
        `rec[-${k}] reaches before the first measurement: the record holds ${have} here`,
        scan.columns[i]!,
        `use a look-back between rec[-1] and rec[-${Math.max(1, this.measurements)}]`,
      );
    }
  }
}
