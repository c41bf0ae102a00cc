// `--set path=value`: change one field of a scenario from the command line without editing the
// file. The path must exist in the schema, so a typo is an error instead of a field nobody reads.
import { parse } from 'yaml';
import type { z } from 'zod';
import { formatPath, QnetError } from '../util/errors.js';
import { describe } from './issues.js';
import { isRecord, ownValue, shapeOf } from './schema-walk.js';
import { didYouMean, listNames } from './suggest.js';
import type { FieldPath } from './yaml-source.js';

export interface AppliedOverride {
  /** The argument as given, e.g. `links[0].lengthKm=25`. */
  readonly raw: string;
  /** The field it sets, e.g. `['links', 0, 'lengthKm']`. */
  readonly path: FieldPath;
  /** Containers it had to create on the way (e.g. `run` for `run.untilUs=5` when the file has no `run`). */
  readonly created: readonly FieldPath[];
}

interface Segment {
  readonly text: string;
  /** Written as `[n]`, which only arrays accept. */
  readonly bracket: boolean;
}

const EXAMPLE = 'e.g. --set links[0].lengthKm=25 or --set seed=7';

/**
 * Applies `overrides` in order to a copy of `data` (which must be a map), checking each path against
 * `schema`. The value is read as YAML, so `[A, C]` is a list and `foo` a string. Values are not
 * validated here; the caller validates the result and blames the override for what fails.
 */
export function applyOverrides(
  data: Readonly<Record<string, unknown>>,
  overrides: readonly string[],
  schema: z.core.$ZodType,
): { data: Record<string, unknown>; applied: AppliedOverride[] } {
  const copy = structuredClone(data) as Record<string, unknown>;
  const applied = overrides.map((raw) => applyOne(copy, raw, schema));
  return { data: copy, applied };
}

function applyOne(root: Record<string, unknown>, raw: string, schema: z.core.$ZodType): AppliedOverride {
  const eq = raw.indexOf('=');
  if (eq < 0) {
    throw setError('E_SET_SYNTAX', `--set '${raw}' has no '='`, `write --set path=value, ${EXAMPLE}`);
  }
  const pathText = raw.slice(0, eq).trim();
  const segments = parsePath(pathText, raw);
  const value = parseValue(raw.slice(eq + 1), raw);

  const path: (string | number)[] = [];
  const created: FieldPath[] = [];
  let container: Record<string, unknown> | unknown[] = root;
  let here: z.core.$ZodType = schema;
  for (const [i, segment] of segments.entries()) {
    const step = stepInto(here, container, segment, path, pathText);
    path.push(step.key);
    here = step.schema;
    if (i === segments.length - 1) {
      setOwn(container, step.key, value);
      break;
    }
    let next = ownValue(container, step.key);
    if (next === undefined || next === null) {
      // Only maps can be made up on the way; an element of a list must already exist.
      if (shapeOf(here, undefined).type === 'array' || shapeOf(here, undefined).type === 'tuple') next = [];
      else next = {};
      setOwn(container, step.key, next);
      created.push([...path]);
    }
    const nextShape = shapeOf(here, next);
    if (nextShape.type === 'scalar') {
      throw setError(
        'E_SET_PATH',
        `cannot set '${pathText}': ${formatPath(path)} is ${nextShape.what} and has no fields`,
        `set ${formatPath(path)} itself, e.g. --set ${formatPath(path)}=...`,
        path,
      );
    }
    if (!(isRecord(next) || Array.isArray(next))) {
      throw setError(
        'E_SET_PATH',
        `cannot set '${pathText}': ${formatPath(path)} is ${describe(next)} in the file, not a map or list`,
        'set the whole field instead, or fix it in the file',
        path,
      );
    }
    container = next;
  }
  return { raw, path, created };
}

function stepInto(
  schema: z.core.$ZodType,
  container: Record<string, unknown> | unknown[],
  segment: Segment,
  at: FieldPath,
  pathText: string,
): { key: string | number; schema: z.core.$ZodType } {
  const where = at.length === 0 ? 'the scenario' : formatPath(at);
  const shape = shapeOf(schema, container);
  switch (shape.type) {
    case 'object': {
      const fields = Object.keys(shape.fields);
      const field = Object.hasOwn(shape.fields, segment.text) ? shape.fields[segment.text] : undefined;
      if (segment.bracket || field === undefined) {
        throw setError(
          'E_SET_PATH',
          `cannot set '${pathText}': ${where} has no field '${segment.text}'`,
          `${didYouMean(segment.text, fields)}fields of ${where}: ${listNames(fields, 20)}`,
          [...at, segment.text],
        );
      }
      return { key: segment.text, schema: field };
    }
    case 'record':
      return { key: segment.text, schema: shape.value };
    case 'array':
    case 'tuple': {
      const length = Array.isArray(container) ? container.length : 0;
      const index = /^\d+$/.test(segment.text) ? Number(segment.text) : Number.NaN;
      const element = shape.type === 'array' ? shape.element : shape.items[index];
      if (Number.isNaN(index)) {
        throw setError(
          'E_SET_PATH',
          `cannot set '${pathText}': ${where} is a list, so '${segment.text}' must be an index`,
          `write ${where}[0] or ${where}.0`,
          [...at, segment.text],
        );
      }
      if (index >= length || element === undefined) {
        throw setError(
          'E_SET_PATH',
          `cannot set '${pathText}': ${where} has ${length} element${length === 1 ? '' : 's'}, so there is no ${where}[${index}]`,
          length === 0
            ? `${where} is empty; add elements in the file or set the whole list, e.g. --set ${where}=[...]`
            : `indices run from 0 to ${length - 1}; add new elements in the file or set the whole list`,
          [...at, index],
        );
      }
      return { key: index, schema: element };
    }
    case 'scalar':
      throw setError(
        'E_SET_PATH',
        `cannot set '${pathText}': ${where} is ${shape.what} and has no fields`,
        `set ${where} itself, e.g. --set ${where}=...`,
        [...at, segment.text],
      );
  }
}

/** `a.b[0].c`, `a.b.0.c`; keys are anything but `.`, `[`, `]`. */
function parsePath(text: string, raw: string): Segment[] {
  const segments: Segment[] = [];
  const token = /\.?([^.[\]]+)|\[(\d+)\]/y;
  let pos = 0;
  while (pos < text.length) {
    token.lastIndex = pos;
    const m = token.exec(text);
    // Keys after the first need their dot: `a[0]b` is a typo, not `a[0].b`.
    if (!m || (m[1] !== undefined && (pos === 0) === m[0].startsWith('.'))) break;
    segments.push(m[1] !== undefined ? { text: m[1], bracket: false } : { text: m[2]!, bracket: true });
    pos = token.lastIndex;
  }
  if (text === '' || pos < text.length) {
    throw setError(
      'E_SET_SYNTAX',
      `--set '${raw}': malformed path '${text}'${text === '' ? '' : ` at character ${pos + 1}`}`,
      `paths are field names joined by dots, with [n] or .n for list elements, ${EXAMPLE}`,
    );
  }
  return segments;
}

function parseValue(text: string, raw: string): unknown {
  try {
    return parse(text, { prettyErrors: false, logLevel: 'error' });
  } catch (e) {
    throw setError(
      'E_SET_VALUE',
      `--set '${raw}': cannot read the value: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`,
      'values are YAML: 25, foo, "quoted text", [A, B], {kind: fibre}',
    );
  }
}

// Own properties only, so a key such as `__proto__` or `constructor` is data, never the prototype.
function setOwn(container: object, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

function setError(code: string, message: string, hint: string, path?: FieldPath): QnetError {
  return new QnetError(code, message, { file: '--set', ...(path ? { path } : {}), hint });
}
