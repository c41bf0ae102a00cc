// Symptom sets: the detectors and observables an error flips, as sorted arrays of ids with the
// observables numbered after the detectors (observable k is id numDetectors + k). Sets are never
// mutated once built, so sensitivities can share them.

export type Symptoms = readonly number[];

export const NO_SYMPTOMS: Symptoms = Object.freeze([]) as Symptoms;

/** Symmetric difference of two sorted id lists: flipping both sets flips their XOR. */
export function xorSymptoms(a: Symptoms, b: Symptoms): Symptoms {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out.push(x);
      i++;
    } else if (y < x) {
      out.push(y);
      j++;
    } else {
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out.length === 0 ? NO_SYMPTOMS : out;
}

/** Number of detectors (not observables) in a symptom set. */
export function detectorCount(s: Symptoms, numDetectors: number): number {
  let n = 0;
  for (const id of s) if (id < numDetectors) n++;
  return n;
}

/** A map key for a symptom set. */
export function symptomKey(s: Symptoms): string {
  return s.join(' ');
}
