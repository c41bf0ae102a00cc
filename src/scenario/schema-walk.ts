// Finding one's way through the zod schema along a field path. `--set` uses it to refuse paths the
// format does not have, and error messages use it to list the fields allowed at a place.
import type { z } from 'zod';

type Schema = z.core.$ZodType;

/** What can follow a point in the schema. */
export type Shape =
  | { readonly type: 'object'; readonly fields: Readonly<Record<string, Schema>> }
  | { readonly type: 'array'; readonly element: Schema }
  | { readonly type: 'tuple'; readonly items: readonly Schema[] }
  | { readonly type: 'record'; readonly value: Schema }
  | { readonly type: 'scalar'; readonly what: string };

/** Strips the wrappers that do not change what can be written at a place (optional, default...). */
export function unwrap(schema: Schema): Schema {
  for (;;) {
    const def = schema._zod.def;
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        schema = (def as z.core.$ZodOptionalDef).innerType;
        break;
      case 'pipe':
        // A transform's input side is what a file writes.
        schema = (def as z.core.$ZodPipeDef).in;
        break;
      default:
        return schema;
    }
  }
}

/**
 * The shape of `schema` at a place currently holding `value`. A discriminated union picks the
 * option `value` names; when it names none, the union offers the fields of all its options.
 */
export function shapeOf(schema: Schema, value: unknown): Shape {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  switch (def.type) {
    case 'object':
      return { type: 'object', fields: (def as z.core.$ZodObjectDef).shape };
    case 'array':
      return { type: 'array', element: (def as z.core.$ZodArrayDef).element };
    case 'tuple':
      return { type: 'tuple', items: (def as z.core.$ZodTupleDef).items };
    case 'record':
      return { type: 'record', value: (def as z.core.$ZodRecordDef).valueType };
    case 'union':
      return unionShape(def as z.core.$ZodDiscriminatedUnionDef, value);
    default:
      return { type: 'scalar', what: scalarName(def.type) };
  }
}

function unionShape(def: z.core.$ZodDiscriminatedUnionDef, value: unknown): Shape {
  const objects = def.options.map((o) => shapeOf(o, undefined)).filter((s) => s.type === 'object');
  if (objects.length === 0) return { type: 'scalar', what: 'a value' };
  const disc = def.discriminator;
  if (disc !== undefined && isRecord(value)) {
    const chosen = objects.find((s) => literalValues(s.fields[disc]).includes(value[disc]));
    if (chosen) return chosen;
  }
  const fields: Record<string, Schema> = {};
  for (const o of objects) for (const [k, s] of Object.entries(o.fields)) fields[k] ??= s;
  return { type: 'object', fields };
}

/** The schema one step down from a place holding `value`, or undefined if `key` is not allowed there. */
export function childSchema(schema: Schema, key: string | number, value: unknown): Schema | undefined {
  const shape = shapeOf(schema, value);
  switch (shape.type) {
    case 'object':
      return Object.hasOwn(shape.fields, String(key)) ? shape.fields[String(key)] : undefined;
    case 'record':
      return shape.value;
    case 'array':
      return typeof key === 'number' ? shape.element : undefined;
    case 'tuple':
      return typeof key === 'number' ? shape.items[key] : undefined;
    case 'scalar':
      return undefined;
  }
}

/** The schema and current value at `path` inside `data`, or undefined where the schema has no such place. */
export function schemaAt(
  root: Schema,
  path: readonly (string | number)[],
  data: unknown,
): { schema: Schema; value: unknown } | undefined {
  let schema: Schema | undefined = root;
  let value = data;
  for (const key of path) {
    schema = childSchema(schema, key, value);
    if (schema === undefined) return undefined;
    value = ownValue(value, key);
  }
  return { schema, value };
}

/** The field names allowed in the object at `path` inside `data` (empty if it is no object). */
export function fieldsAt(root: Schema, path: readonly (string | number)[], data: unknown): string[] {
  const place = schemaAt(root, path, data);
  const shape = place && shapeOf(place.schema, place.value);
  return shape?.type === 'object' ? Object.keys(shape.fields) : [];
}

function literalValues(schema: Schema | undefined): unknown[] {
  if (schema === undefined) return [];
  const def = unwrap(schema)._zod.def;
  if (def.type === 'literal') return [...(def as z.core.$ZodLiteralDef<z.core.util.Literal>).values];
  if (def.type === 'enum') return Object.values((def as z.core.$ZodEnumDef).entries);
  return [];
}

function scalarName(type: string): string {
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      return `a ${type}`;
    case 'int':
      return 'an integer';
    case 'enum':
    case 'literal':
      return 'a name from a fixed list';
    default:
      return 'a single value';
  }
}

/** `container[key]` if it is the container's own property (never something inherited). */
export function ownValue(container: unknown, key: string | number): unknown {
  return typeof container === 'object' && container !== null && Object.hasOwn(container, key)
    ? (container as Record<string | number, unknown>)[key]
    : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
