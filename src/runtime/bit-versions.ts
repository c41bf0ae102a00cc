// Which measurement a QPU's copy of a classical bit came from. Streams hold their own copies of
// bits (a received bit keeps the value it had when it was sent), while the lowered circuit has one
// register; this tells the lowering which reads see the register's current value and which see an
// older one (or the initial 0: a bit nobody measured yet reads 0 everywhere).
import type { DistributedProgram } from '../compiler/program.js';
import { bitsWritten } from './instruction-facts.js';

/** A measurement instruction, or undefined for the bit's initial value 0. */
export type BitSource = readonly [number, number] | undefined;

export interface BitVersions {
  /** Source of bit `bit` as instruction i of stream q reads it. */
  sourceAt(q: number, i: number, bit: number): BitSource;
}

export function bitVersions(program: DistributedProgram): BitVersions {
  const streams = program.qpus.map((p) => p.instructions);
  // The matching send of every recv: the k-th send from a to b pairs with the k-th recv at b from a.
  const sendOf = new Map<string, [number, number]>();
  const sent = new Map<string, [number, number][]>();
  streams.forEach((s, q) => {
    s.forEach((ins, i) => {
      if (ins.op !== 'send') return;
      const key = `${q}>${ins.to}`;
      sent.set(key, [...(sent.get(key) ?? []), [q, i]]);
    });
  });
  streams.forEach((s, q) => {
    const seen = new Map<number, number>();
    s.forEach((ins, i) => {
      if (ins.op !== 'recv') return;
      const n = seen.get(ins.from) ?? 0;
      seen.set(ins.from, n + 1);
      const m = sent.get(`${ins.from}>${q}`)?.[n];
      if (m) sendOf.set(`${q}/${i}`, m);
    });
  });
  const memo = new Map<string, BitSource>();
  const sourceAt = (q: number, i: number, bit: number): BitSource => {
    const key = `${q}/${i}/${bit}`;
    if (memo.has(key)) return memo.get(key);
    let source: BitSource;
    const stream = streams[q]!;
    for (let j = i - 1; j >= 0; j--) {
      const w = stream[j]!;
      if (!bitsWritten(w).includes(bit)) continue;
      if (w.op === 'measure') source = [q, j];
      else {
        const s = sendOf.get(`${q}/${j}`);
        source = s ? sourceAt(s[0], s[1], bit) : undefined;
      }
      break;
    }
    memo.set(key, source);
    return source;
  };
  return { sourceAt };
}
