// Every OpenQASM file of QASMBench (Li et al., ACM TQC 2023; data/qasmbench)
// parses, prints and parses back to the same circuit, and the small ones give the same amplitudes
// as the independent simulator quantum-circuit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import { QnetError } from '../util/errors.js';
import type { Circuit } from './ir.js';
import { parseQasm, printQasm2, printQasm3 } from './qasm.js';
import {
  circuitDifferences,
  distanceUpToPhase,
  quantumCircuitState,
  simulate,
  withoutTerminalMeasurements,
} from './qasm-reference.test-helper.js';

const DIR = dataPath('qasmbench');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.qasm'))
  .sort();

/** Files that are not valid OpenQASM, with the error qnet must give. */
const REFUSED: Readonly<Record<string, { code: string; where: string }>> = {
  // Both measure into `q` and `c`, but declare only `qreg reg[...]` and no creg at all.
  'vqe_uccsd_n4.qasm': { code: 'E_QASM_UNDECLARED', where: 'vqe_uccsd_n4.qasm:225:9' },
  'vqe_uccsd_n6.qasm': { code: 'E_QASM_UNDECLARED', where: 'vqe_uccsd_n6.qasm:2286:9' },
};

const parsed = new Map<string, Circuit>();
const read = (f: string): string => readFileSync(join(DIR, f), 'utf8');

describe('QASMBench', () => {
  it('has the files this test expects', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(FILES)('%s parses (or is refused with a QnetError)', (f) => {
    const refused = REFUSED[f];
    if (refused) {
      let error: unknown;
      try {
        parseQasm(read(f), f);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(QnetError);
      expect((error as QnetError).code).toBe(refused.code);
      expect((error as QnetError).format()).toContain(refused.where);
      return;
    }
    const c = parseQasm(read(f), f);
    expect(c.numQubits).toBeGreaterThan(0);
    parsed.set(f, c);
  });

  it.each(FILES.filter((f) => !REFUSED[f]))('%s: parse(print(c)) = c in OpenQASM 2 and 3', (f) => {
    const c = parsed.get(f) ?? parseQasm(read(f), f);
    expect(circuitDifferences(c, parseQasm(printQasm2(c), 'printed.qasm'))).toEqual([]);
    expect(circuitDifferences(c, parseQasm(printQasm3(c), 'printed.qasm'))).toEqual([]);
  });

  it('matches quantum-circuit on every file up to 10 qubits with only terminal measurements', () => {
    const compared: string[] = [];
    for (const f of FILES) {
      if (REFUSED[f]) continue;
      const c = parsed.get(f) ?? parseQasm(read(f), f);
      if (c.numQubits > 10) continue;
      const unitary = withoutTerminalMeasurements(c);
      if (!unitary) continue;
      // quantum-circuit samples measurements; the probabilities are those of the state before them.
      const theirs = quantumCircuitState(read(f).replace(/^\s*measure\b[^;]*;/gm, ''));
      expect(theirs, `${f}: quantum-circuit could not import it`).toBeDefined();
      expect(distanceUpToPhase(simulate(unitary), theirs!), f).toBeLessThan(1e-9);
      compared.push(f);
    }
    // The mid-circuit ones (ipea, qec_sm, shor, inverseqft) are left to the state engines.
    expect(compared.length).toBeGreaterThanOrEqual(30);
  });
});
