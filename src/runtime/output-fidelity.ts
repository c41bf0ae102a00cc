// How close a sampled outcome distribution is to the ideal one: the (classical) Hellinger fidelity
// (Σ_x √(p_x q_x))², as Qiskit's hellinger_fidelity. For a deterministic ideal outcome it is the
// share of shots that got it right; for GHZ it rewards the right two outcomes in the right balance.
// Estimated from counts it is biased low when the ideal spreads over many outcomes compared with
// the shots (unseen outcomes count as missing weight), so it suits few-outcome ideals best.

export function hellingerFidelity(
  counts: Readonly<Record<string, number>>,
  ideal: Readonly<Record<string, number>>,
): number {
  let shots = 0;
  for (const c of Object.values(counts)) shots += c;
  if (shots === 0) return Number.NaN;
  let overlap = 0;
  for (const [key, p] of Object.entries(ideal)) {
    const c = counts[key];
    if (c !== undefined && p > 0) overlap += Math.sqrt((p * c) / shots);
  }
  return Math.min(1, overlap * overlap);
}
