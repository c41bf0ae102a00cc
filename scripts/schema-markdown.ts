// Renders a JSON Schema as a Markdown reference: one section per titled object, each a table of
// its fields. Only the schema features the scenario format uses are rendered; anything else shows
// as its JSON Schema type so a new feature is visible rather than silently dropped.

type Json = Record<string, unknown>;

interface Section {
  title: string;
  schema: Json;
}

/** Markdown sections (`## Title` + description + field table) for `root` and every object under it. */
export function schemaSections(root: Json): string {
  const sections: Section[] = [];
  const seen = new Set<string>();
  const queue: Section[] = [{ title: titleOf(root, 'Scenario'), schema: root }];
  while (queue.length > 0) {
    const section = queue.shift()!;
    if (seen.has(section.title)) continue;
    seen.add(section.title);
    sections.push(section);
    for (const [name, prop] of Object.entries(propertiesOf(section.schema))) {
      for (const object of objectsIn(prop, name)) queue.push(object);
    }
  }
  return sections.map(renderSection).join('\n');
}

function renderSection({ title, schema }: Section): string {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(propertiesOf(schema)).map(([name, prop]) => [
    `\`${name}\``,
    typeText(prop, name),
    'default' in prop
      ? `\`${JSON.stringify(prop.default)}\``
      : required.has(name)
        ? '**required**'
        : 'optional',
    text(prop.description),
  ]);
  const head = [`## ${title}`, ''];
  if (typeof schema.description === 'string') head.push(schema.description, '');
  return [...head, table(['field', 'type', 'default', 'description'], rows), ''].join('\n');
}

/** The titled objects a property holds directly or through lists, maps and unions. */
function objectsIn(schema: Json, name: string): Section[] {
  if (isObjectWithFields(schema)) return [{ title: titleOf(schema, capitalise(name)), schema }];
  return children(schema).flatMap((child) => objectsIn(child, name));
}

function children(schema: Json): Json[] {
  const out: Json[] = [];
  for (const key of ['items', 'additionalProperties'] as const) {
    const child = schema[key];
    if (isJson(child)) out.push(child);
  }
  for (const key of ['oneOf', 'anyOf', 'prefixItems'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) out.push(...list.filter(isJson));
  }
  return out;
}

/** A human reading of a property's type; objects become links to their sections. */
export function typeText(schema: Json, name = 'field'): string {
  if (isObjectWithFields(schema)) {
    const title = titleOf(schema, capitalise(name));
    return `[${title}](#${anchor(title)})`;
  }
  const union = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (Array.isArray(union)) return union.map((s) => typeText(s, name)).join(' | ');
  if ('const' in schema) return `\`${String(schema.const)}\``;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `\`${String(v)}\``).join(' | ');
  switch (schema.type) {
    case 'string':
      return stringText(schema);
    case 'number':
    case 'integer':
      return numberText(schema);
    case 'array':
      return arrayText(schema, name);
    case 'object':
      if (isJson(schema.additionalProperties)) {
        const key = isJson(schema.propertyNames) ? 'name' : 'key';
        return `map of ${key} → ${typeText(schema.additionalProperties, name)}`;
      }
      return 'map';
    default:
      return String(schema.type ?? 'any');
  }
}

function stringText(schema: Json): string {
  const parts = [schema.minLength === 1 ? 'non-empty string' : 'string'];
  if (typeof schema.pattern === 'string') parts.push(`matching \`${schema.pattern}\``);
  return parts.join(' ');
}

function numberText(schema: Json): string {
  const bounds: string[] = [];
  if (typeof schema.minimum === 'number') bounds.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') bounds.push(`> ${schema.exclusiveMinimum}`);
  // Integers are capped at 2^53 - 1 by construction; saying so on every row is noise.
  if (typeof schema.maximum === 'number' && schema.maximum !== Number.MAX_SAFE_INTEGER)
    bounds.push(`≤ ${schema.maximum}`);
  if (typeof schema.exclusiveMaximum === 'number') bounds.push(`< ${schema.exclusiveMaximum}`);
  return bounds.length === 0 ? String(schema.type) : `${String(schema.type)} ${bounds.join(', ')}`;
}

function arrayText(schema: Json, name: string): string {
  if (Array.isArray(schema.prefixItems)) {
    return `[${schema.prefixItems
      .filter(isJson)
      .map((s) => typeText(s, name))
      .join(', ')}]`;
  }
  const element = isJson(schema.items) ? typeText(schema.items, name) : 'any';
  const min =
    typeof schema.minItems === 'number' && schema.minItems > 0 ? ` (at least ${schema.minItems})` : '';
  return `list of ${element}${min}`;
}

/**
 * A Markdown table with padded columns, laid out exactly as `biome format` lays tables out, so the
 * generated file passes `biome check` unchanged. Pipes inside cells (even in code spans) are escaped.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => c.replaceAll('|', '\\|').replaceAll('\n', ' ')));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    `| ${r.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ')} |`;
  const [head, ...body] = cells;
  return [line(head!), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function width(text: string): number {
  return [...text].length;
}

/** GitHub's heading anchor for simple titles. */
export function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');
}

function propertiesOf(schema: Json): Record<string, Json> {
  return isJson(schema.properties) ? (schema.properties as Record<string, Json>) : {};
}

function isObjectWithFields(schema: Json): boolean {
  return schema.type === 'object' && isJson(schema.properties);
}

function titleOf(schema: Json, fallback: string): string {
  return typeof schema.title === 'string' ? schema.title : fallback;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
