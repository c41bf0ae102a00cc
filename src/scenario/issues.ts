// Turns zod's validation issues into problems a person can act on: what is wrong, stated with the
// field's name and the offending value, and a hint that says how to fix it.
import type { z } from 'zod';
import { formatPath } from '../util/errors.js';
import { suggestId } from './ids.js';
import type { Problem } from './problems.js';
import { fieldsAt, isRecord, ownValue, schemaAt, shapeOf } from './schema-walk.js';
import { didYouMean, listNames } from './suggest.js';
import type { FieldPath } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

const GENERIC_HINT = 'docs/scenario-reference.md lists every field and the values it accepts';

export function problemsFromIssues(
  issues: readonly Issue[],
  data: unknown,
  schema: z.core.$ZodType,
): Problem[] {
  return issues.flatMap((issue) => fromIssue(issue, data, schema));
}

function fromIssue(issue: Issue, data: unknown, schema: z.core.$ZodType): Problem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const value = valueAt(data, path);
  const name = label(path);
  const invalid = (message: string, hint = GENERIC_HINT): Problem[] => [
    { code: 'E_SCENARIO_INVALID', message, path, hint },
  ];

  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedText(issue.expected);
      if (value === undefined) {
        const field = String(path[path.length - 1] ?? '');
        return [
          {
            code: 'E_SCENARIO_MISSING',
            message: `missing required field '${field}' in ${place(path.slice(0, -1))}`,
            path,
            hint: `add \`${field}:\` with ${expected}`,
          },
        ];
      }
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return invalid(
          `${name} must be a finite number, got ${String(value)}`,
          'write an ordinary number; .nan, .inf and -.inf are not accepted',
        );
      }
      if (issue.expected === 'int' && typeof value === 'number') {
        return invalid(`${name} must be a whole number, got ${value}`, 'round it to an integer');
      }
      return invalid(`${name} must be ${expected}, got ${describe(value)}`, typeHint(issue.expected, value));
    }
    case 'too_small':
    case 'too_big': {
      const { message, hint } = rangeProblem(issue, name, value, schema, data);
      return invalid(message, hint);
    }
    case 'invalid_format':
      return invalid(
        `${name} ${describe(value)} is not valid: ${issue.message}`,
        typeof value === 'string' ? `rename it, e.g. '${suggestId(value)}'` : GENERIC_HINT,
      );
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      return invalid(
        `${name} must be one of ${allowed.map((v) => `'${v}'`).join(', ')}, got ${describe(value)}`,
        `${didYouMean(String(value), allowed)}allowed: ${allowed.join(', ')}`,
      );
    }
    case 'invalid_union': {
      if (issue.discriminator === undefined || !('options' in issue))
        return invalid(`${name}: ${issue.message}`);
      const options = (issue.options ?? []).map(String);
      const owner = place(path.slice(0, -1));
      if (value === undefined) {
        return [
          {
            code: 'E_SCENARIO_MISSING',
            message: `missing '${issue.discriminator}' in ${owner}`,
            path,
            hint: `add \`${issue.discriminator}:\` with one of: ${options.join(', ')}`,
          },
        ];
      }
      return invalid(
        `unknown ${issue.discriminator} ${describe(value)} in ${owner}`,
        `${didYouMean(String(value), options)}known ${issue.discriminator}s: ${options.join(', ')}`,
      );
    }
    case 'unrecognized_keys': {
      const allowed = fieldsAt(schema, path, data);
      return issue.keys.map((key) => ({
        code: 'E_SCENARIO_UNKNOWN_FIELD',
        message: `unknown field '${key}' in ${place(path)}`,
        path: [...path, key],
        atKey: true,
        hint: `${didYouMean(key, allowed)}allowed fields: ${listNames(allowed, 20)}`,
      }));
    }
    case 'invalid_key': {
      const reasons = issue.issues.map((i) => i.message).join('; ');
      const key = String(path[path.length - 1]);
      return [
        {
          code: 'E_SCENARIO_INVALID',
          message: `invalid name '${key}' in ${place(path.slice(0, -1))}: ${reasons}`,
          path,
          atKey: true,
          hint: `rename it, e.g. '${suggestId(key)}'`,
        },
      ];
    }
    default:
      return invalid(`${name}: ${issue.message}`);
  }
}

function rangeProblem(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  name: string,
  value: unknown,
  schema: z.core.$ZodType,
  data: unknown,
): { message: string; hint: string } {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const atLeast = small ? 'at least' : 'at most';
  if (issue.origin === 'array') {
    const place = schemaAt(schema, issue.path as FieldPath, data);
    const n = Array.isArray(value) ? value.length : 0;
    if (place && shapeOf(place.schema, place.value).type === 'tuple') {
      return {
        message: `${name} must be a list of exactly ${bound} elements, got ${n}`,
        hint: `write exactly ${bound}, e.g. [A, B]`,
      };
    }
    return {
      message: `${name} must have ${atLeast} ${plural(bound, 'element')}, got ${n}`,
      hint: small ? `add ${plural(bound - n, 'element')}` : `remove ${plural(n - bound, 'element')}`,
    };
  }
  if (issue.origin === 'string') {
    return bound === 1 && small
      ? {
          message: `${name} must not be empty`,
          hint: 'write some text, or remove the field if it is optional',
        }
      : { message: `${name} must have ${atLeast} ${plural(bound, 'character')}`, hint: 'change its length' };
  }
  const op = small ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
  const words = small
    ? issue.inclusive
      ? 'at least'
      : 'more than'
    : issue.inclusive
      ? 'at most'
      : 'less than';
  return {
    message: `${name} must be ${op} ${bound}, got ${describe(value)}`,
    hint: `make it ${words} ${bound}`,
  };
}

function expectedText(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a map of `key: value` entries';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'int':
      return 'a whole number';
    case 'string':
    case 'number':
    case 'boolean':
      return `a ${expected}`;
    default:
      return expected;
  }
}

function typeHint(expected: string, value: unknown): string {
  if (value === null) return 'the field has no value; write one after the colon or remove the field';
  if ((expected === 'number' || expected === 'int') && typeof value === 'string') {
    return /^\s*[-+]?\d/.test(value)
      ? 'write just the number: the unit is part of the field name (lengthKm is in km, jitterPs in ps)'
      : 'write a number without quotes, e.g. 5';
  }
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return `quote it: "${String(value)}"`;
  }
  if (expected === 'array') return 'write a list: `[a, b]` or one `- item` per line';
  if (expected === 'object') return 'write a map: `{ key: value }` or one `key: value` per line';
  return `write ${expectedText(expected)} here`;
}

/** A value as it would read in a message: strings quoted, containers named. */
export function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return `a list of ${plural(value.length, 'element')}`;
  if (isRecord(value)) return 'a map';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** The field a path ends at, readable on its own: `lengthKm`, `ends[1]`, `nodes[0]`. */
export function label(path: FieldPath): string {
  let start = path.length - 1;
  while (start > 0 && typeof path[start] === 'number') start--;
  const tail = formatPath(path.slice(Math.max(start, 0)));
  return tail === '' ? 'the top level' : tail;
}

/** A whole path for "in ..." phrases: `links[0]`, `the top level`. */
function place(path: FieldPath): string {
  return path.length === 0 ? 'the top level' : formatPath(path);
}

export function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const key of path) value = ownValue(value, key);
  return value;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
