// Noisy shots grouped by what the noise did. Every noise term of a lowered circuit is a Pauli
// channel and every readout error a flip, so one shot's noise is a list of events (which term fired
// with which Pauli, which readout flipped) drawn up front; the shot is then the noiseless circuit with
// those Paulis and flips written in. Shots that drew the same events (above all: none) run once:
// the exact distribution of that circuit (protocol outcomes sampled: the corrections make the result
// independent of them, Pauli errors included, which only turn into a fixed Pauli on the output),
// sampled as many times as shots drew it. Drawing the events first and applying them gives each shot
// the same law as sampling every channel inline.
import type { Circuit, Instruction, MeasureOp } from '../circuit/ir.js';
import { channelArity, channelTable, type PauliChannelTable, pickError } from '../state/pauli-noise.js';
import type { Rng } from '../util/rng.js';

// Pauli code bits x | z << 1 as gates.
const PAULI_GATE = ['', 'x', 'z', 'y'] as const;

interface NoiseSite {
  readonly index: number;
  /** A Pauli channel (groups of `arity` targets) or readout flips (one per target). */
  readonly table?: PauliChannelTable;
  readonly flip?: number;
  readonly groups: number;
}

export interface NoiseRealisation {
  readonly circuit: Circuit;
  readonly protocolMeasurements: ReadonlySet<Instruction>;
}

export class NoisePatterns {
  private readonly sites: NoiseSite[] = [];

  constructor(
    private readonly circuit: Circuit,
    private readonly protocol: ReadonlySet<Instruction>,
  ) {
    circuit.instructions.forEach((op, index) => {
      if (op.kind === 'repeat') throw new Error('runtime: lowered circuits have no REPEAT blocks');
      if (op.kind === 'noise') {
        const table = channelTable(op.channel, op.probabilities);
        const arity = channelArity(op.channel);
        if (table.total > 0) this.sites.push({ index, table, groups: op.targets.length / arity });
      } else if (op.kind === 'measure' && op.flipProbability > 0) {
        this.sites.push({ index, flip: op.flipProbability, groups: op.targets.length });
      }
    });
  }

  /** One shot's events as a key: `index:group:code` joined by ',' (code 0 = readout flip); '' for none. */
  draw(rng: Rng): string {
    let key = '';
    for (const site of this.sites) {
      for (let g = 0; g < site.groups; g++) {
        if (site.table) {
          if (rng.next() >= site.table.total) continue;
          key += `${key ? ',' : ''}${site.index}:${g}:${pickError(site.table, rng)}`;
        } else if (rng.next() < site.flip!) {
          key += `${key ? ',' : ''}${site.index}:${g}:0`;
        }
      }
    }
    return key;
  }

  /** The noiseless circuit with the events of `key` written in. */
  realise(key: string): NoiseRealisation {
    const events = new Map<number, [number, number][]>();
    if (key) {
      for (const e of key.split(',')) {
        const [index, group, code] = e.split(':').map(Number) as [number, number, number];
        events.set(index, [...(events.get(index) ?? []), [group, code]]);
      }
    }
    const out: Instruction[] = [];
    const protocol = new Set<Instruction>();
    for (const [index, op] of this.circuit.instructions.entries()) {
      if (op.kind === 'noise') {
        const arity = channelArity(op.channel);
        for (const [group, code] of events.get(index) ?? []) {
          for (let j = 0; j < arity; j++) {
            const c = (code >> (2 * j)) & 3;
            if (c !== 0)
              out.push({
                kind: 'gate',
                gate: PAULI_GATE[c]!,
                targets: [op.targets[group * arity + j]!],
                params: [],
              });
          }
        }
        continue;
      }
      if (op.kind === 'measure' && op.flipProbability > 0) {
        const inverted = op.targets.map((_, i) => op.inverted?.[i] ?? false);
        for (const [group] of events.get(index) ?? []) inverted[group] = !inverted[group];
        const m: MeasureOp = { ...op, flipProbability: 0, inverted };
        if (this.protocol.has(op)) protocol.add(m);
        out.push(m);
        continue;
      }
      if (this.protocol.has(op)) protocol.add(op);
      out.push(op);
    }
    return { circuit: { ...this.circuit, instructions: out }, protocolMeasurements: protocol };
  }
}
