// A problem found in a scenario, before it is tied to a place in a file, and the error that
// carries several of them at once so a user can fix a file in one pass instead of one per run.
import { QnetError } from '../util/errors.js';
import type { FieldPath } from './yaml-source.js';

export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly path: FieldPath;
  readonly hint?: string;
  /** Point at the key of the last path element rather than its value (unknown fields, bad names). */
  readonly atKey?: boolean;
}

/** A broken file can have hundreds of problems; the first few are enough to start fixing. */
const MAX_SHOWN = 20;

/** Several problems; its own code, place and message are those of the first one. */
export class ScenarioError extends QnetError {
  readonly problems: readonly QnetError[];

  constructor(problems: readonly QnetError[]) {
    const [first] = problems;
    if (first === undefined) throw new Error('ScenarioError needs at least one problem');
    const more = problems.length - 1;
    const suffix = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '';
    super(
      first.code,
      first.message + suffix,
      { ...first.where, ...(first.hint === undefined ? {} : { hint: first.hint }) },
      first.exitCode,
    );
    this.problems = problems;
  }

  /** The problems, one `file:line:column: path: message` entry each, in file order. */
  override format(): string {
    const shown = this.problems.slice(0, MAX_SHOWN).map((p) => p.format());
    const hidden = this.problems.length - shown.length;
    if (hidden > 0) shown.push(`… and ${hidden} more problem${hidden === 1 ? '' : 's'}`);
    return shown.join('\n');
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), problems: this.problems.map((p) => p.toJSON()) };
  }
}

/** One problem as is, several as a ScenarioError. */
export function combine(errors: readonly QnetError[]): QnetError {
  return errors.length === 1 && errors[0] ? errors[0] : new ScenarioError(errors);
}
