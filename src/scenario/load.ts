// From text to a checked, defaulted Scenario. Every failure a user can cause is a QnetError that
// says where (file:line:column or the --set argument), which field, and how to fix it.
import { QnetError } from '../util/errors.js';
import { checkScenario } from './checks.js';
import { describe, problemsFromIssues } from './issues.js';
import { type AppliedOverride, applyOverrides } from './overrides.js';
import { combine, type Problem } from './problems.js';
import { type Scenario, ScenarioSchema } from './schema.js';
import { isRecord } from './schema-walk.js';
import { type FieldPath, readYaml, type YamlSource } from './yaml-source.js';

/**
 * Parses a scenario from YAML or JSON `text`; `file` names it in error messages. `overrides` are
 * `--set path=value` arguments (without `--set`), applied in order before validation.
 */
export function parseScenario(text: string, file: string, overrides: readonly string[] = []): Scenario {
  const source = readYaml(text, file);
  if (!isRecord(source.data)) {
    throw new QnetError(
      'E_SCENARIO_NOT_MAP',
      `a scenario must be a map of fields, but this file holds ${describe(source.data)}`,
      {
        file,
        ...source.locate([]),
        hint: 'start the file with `name: my-scenario` and a `nodes:` list; see examples/two-nodes-ping.yaml',
      },
    );
  }
  const { data, applied } = applyOverrides(source.data, overrides, ScenarioSchema);
  return validate(data, (problems) => inFileOrder(problems.map((p) => placeInFile(p, source, applied))));
}

/**
 * Checks a scenario given as plain data (built by a program rather than read from a file). Errors
 * carry the field path only; `name` stands for the file in messages.
 */
export function validateScenario(data: unknown, name = '<scenario>'): Scenario {
  return validate(data, (problems) => problems.map((p) => toError(p, { file: name, path: p.path })));
}

function validate(data: unknown, place: (problems: Problem[]) => QnetError[]): Scenario {
  const parsed = ScenarioSchema.safeParse(data);
  const problems = parsed.success
    ? checkScenario(parsed.data, data)
    : problemsFromIssues(parsed.error.issues, data, ScenarioSchema);
  if (parsed.success && problems.length === 0) return parsed.data;
  throw combine(place(problems));
}

function placeInFile(problem: Problem, source: YamlSource, applied: readonly AppliedOverride[]): QnetError {
  // The last override touching the field wins, as it did when the overrides were applied.
  const override = [...applied]
    .reverse()
    .find((o) => [o.path, ...o.created].some((p) => isPrefix(p, problem.path)));
  if (override) {
    return toError(
      { ...problem, message: `${problem.message} (value from --set ${override.raw})` },
      { file: '--set', path: problem.path },
    );
  }
  const parent = problem.path.slice(0, -1);
  const last = problem.path[problem.path.length - 1];
  const pos =
    problem.atKey && last !== undefined
      ? source.locateKey(parent, String(last))
      : source.locate(problem.path);
  return toError(problem, { file: source.file, ...pos, path: problem.path });
}

function toError(problem: Problem, where: QnetError['where']): QnetError {
  return new QnetError(problem.code, problem.message, {
    ...where,
    ...(problem.hint === undefined ? {} : { hint: problem.hint }),
  });
}

/**
 * --set problems first (what was just typed is the likeliest cause of the rest), then top to
 * bottom, so fixing them in the order shown never means scrolling back.
 */
function inFileOrder(errors: QnetError[]): QnetError[] {
  const key = (e: QnetError) => [e.where.line ?? 0, e.where.column ?? 0] as const;
  return errors
    .map((e, i) => ({ e, i, k: key(e) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map(({ e }) => e);
}

function isPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}
