// The scenario format as JSON Schema, for editors (completion and checking while typing) and for
// the generated reference docs. Generated from the zod schema so the two cannot disagree.
import { z } from 'zod';
import { ScenarioSchema } from './schema.js';

/** Identifies the format version; a URN because the schema is shipped with the package, not hosted. */
export const SCENARIO_SCHEMA_ID = 'urn:qnet:schema:scenario:1';

/**
 * JSON Schema (draft 2020-12) of a scenario file as written: fields with defaults are optional
 * and show their default. A fresh object on every call, so callers may modify it.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(ScenarioSchema, {
    target: 'draft-2020-12',
    io: 'input',
  }) as Record<string, unknown>;
  return { $schema, $id: SCENARIO_SCHEMA_ID, title, description, ...rest };
}
