// A distributed program as text, one QPU stream after another, for people reading what the
// compiler did (`qnet compile --listing`).
import type { BitCondition, DistributedProgram, ProgramInstruction } from './program.js';

const cond = (c: BitCondition | undefined): string =>
  c ? ` if (${c.bits.map((b) => `b${b}`).join(',')}) == ${c.value}` : '';

function line(p: DistributedProgram, ins: ProgramInstruction): string {
  const name = (q: number) => p.qpus[q]?.name ?? `qpu${q}`;
  const bits = (bs: readonly number[]) => bs.map((b) => `b${b}`).join(' ^ ');
  switch (ins.op) {
    case 'gate': {
      const args = ins.params.length > 0 ? `(${ins.params.map((x) => +x.toFixed(6)).join(', ')})` : '';
      return `${ins.gate}${args} ${ins.slots.map((s) => `s${s}`).join(', ')}${cond(ins.condition)}`;
    }
    case 'diag':
      return `diag[${ins.steps.map((s) => s.gate).join(' ')}] s${ins.slots[0]}, s${ins.slots[1]}${cond(ins.condition)}`;
    case 'ebit':
      return `ebit #${ins.id} s${ins.slot} <-> ${name(ins.partner)}`;
    case 'measure':
      return `measure${ins.basis === 'X' ? 'X' : ''} s${ins.slot} -> b${ins.bit}${ins.reset ? ' (reset)' : ''}${cond(ins.condition)}`;
    case 'reset':
      return `reset s${ins.slot}${cond(ins.condition)}`;
    case 'pauli':
      return `${ins.pauli} s${ins.slot} if ${bits(ins.bits)}`;
    case 'send':
      return `send ${ins.bits.map((b) => `b${b}`).join(', ')} -> ${name(ins.to)}`;
    case 'recv':
      return `recv ${ins.bits.map((b) => `b${b}`).join(', ')} <- ${name(ins.from)}`;
  }
}

export function programListing(p: DistributedProgram): string {
  const s = p.stats;
  const out = [
    `# distributed program: ${p.numQubits} qubits on ${p.qpus.length} QPUs; ${s.ebits} e-bits (${s.catCopies} cat copies, ${s.teleportations} teleportations); ${s.remoteGates} of ${s.twoQubitGates} two-qubit gates remote`,
  ];
  p.qpus.forEach((q, i) => {
    const homes = p.initialPlaces
      .map((pl, qubit) => (pl.qpu === i ? `q${qubit}→s${pl.slot}` : ''))
      .filter((x) => x)
      .join(' ');
    out.push(
      '',
      `${q.name}: capacity ${q.capacity}, ${q.commQubits} communication qubits, ${q.slots} slots used`,
    );
    out.push(`  start: ${homes || '(no data qubits)'}`);
    q.instructions.forEach((ins, k) => {
      out.push(`  ${String(k).padStart(5)}  ${line(p, ins)}`);
    });
  });
  return `${out.join('\n')}\n`;
}
