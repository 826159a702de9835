/**
 * The Compose file schema (shipped as data in `compose.schema.json`): navigation for completion
 * and hover, and validation with ajv. Every object of the schema also accepts `x-` extension
 * fields, added here once instead of in each object of the data file.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import rawSchema from './compose.schema.json';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  deprecated?: boolean;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  required?: string[];
  definitions?: Record<string, JsonSchema>;
  [key: string]: unknown;
};

/** A path segment of an array item (whatever its index). */
export const ITEM = Symbol('item');
export type PathSegment = string | number | typeof ITEM;

function withExtensionFields(schema: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...schema };
  for (const key of ['properties', 'patternProperties', 'definitions'] as const) {
    const map = schema[key];
    if (map) copy[key] = Object.fromEntries(Object.entries(map).map(([name, value]) => [name, withExtensionFields(value)]));
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (list) copy[key] = list.map(withExtensionFields);
  }
  if (schema.items) copy.items = withExtensionFields(schema.items);
  if (typeof schema.additionalProperties === 'object') copy.additionalProperties = withExtensionFields(schema.additionalProperties);
  if (schema.additionalProperties === false) copy.patternProperties = { '^x-': {}, ...copy.patternProperties };
  return copy;
}

export const COMPOSE_SCHEMA: JsonSchema = withExtensionFields(rawSchema as JsonSchema);

function resolveRef(schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.replace('#/definitions/', '');
    const target = COMPOSE_SCHEMA.definitions?.[name];
    if (!target) break;
    // A description next to the $ref speaks of this use; keep it.
    current = { ...target, ...(current.description ? { description: current.description } : {}), $ref: undefined };
  }
  return current;
}

/** The schema and its oneOf/anyOf branches, references resolved. */
export function alternatives(schema: JsonSchema): JsonSchema[] {
  const resolved = resolveRef(schema);
  const branches = resolved.oneOf ?? resolved.anyOf;
  if (!branches) return [resolved];
  return branches.flatMap((branch) => alternatives(branch)).map((branch) => (branch.description || !resolved.description ? branch : { ...branch, description: resolved.description }));
}

function child(schema: JsonSchema, segment: PathSegment): JsonSchema[] {
  const found: JsonSchema[] = [];
  for (const option of alternatives(schema)) {
    if (segment === ITEM || typeof segment === 'number') {
      if (option.items) found.push(option.items);
      continue;
    }
    const property = option.properties?.[segment];
    if (property) {
      found.push(property);
      continue;
    }
    const pattern = Object.entries(option.patternProperties ?? {}).find(([regex]) => new RegExp(regex).test(segment));
    if (pattern) found.push(pattern[1]);
    else if (typeof option.additionalProperties === 'object') found.push(option.additionalProperties);
  }
  return found;
}

/** The schemas that may apply at `path` (each alternative separately). */
export function schemasAt(path: readonly PathSegment[]): JsonSchema[] {
  let current: JsonSchema[] = [COMPOSE_SCHEMA];
  for (const segment of path) {
    current = current.flatMap((schema) => child(schema, segment));
    if (current.length === 0) return [];
  }
  return current.flatMap(alternatives);
}

/** The description of the value at `path` (as written next to its key). */
export function describe(path: readonly PathSegment[]): { description?: string; deprecated?: boolean; types: string[] } | null {
  let current: JsonSchema[] = [COMPOSE_SCHEMA];
  for (const segment of path) current = current.flatMap((schema) => child(schema, segment));
  if (current.length === 0) return null;
  const first = current.find((schema) => schema.description) ?? current[0];
  const resolved = current.flatMap(alternatives);
  return { description: first.description ?? resolveRef(first).description, deprecated: first.deprecated === true, types: typesOf(resolved) };
}

export function typesOf(schemas: readonly JsonSchema[]): string[] {
  const types = new Set<string>();
  for (const schema of schemas) {
    const type = schema.type;
    if (Array.isArray(type)) type.forEach((t) => types.add(t));
    else if (type) types.add(type);
  }
  return [...types];
}

export interface KeyProposal {
  key: string;
  description?: string;
  deprecated: boolean;
  /** The value is only ever a mapping or a list (the key wants a block under it). */
  block: boolean;
}

/** The keys a mapping at `path` may hold. */
export function keysAt(path: readonly PathSegment[]): KeyProposal[] {
  const proposals = new Map<string, KeyProposal>();
  for (const schema of schemasAt(path)) {
    for (const [key, value] of Object.entries(schema.properties ?? {})) {
      if (proposals.has(key)) continue;
      const valueTypes = typesOf(alternatives(value));
      const block = valueTypes.length > 0 && valueTypes.every((t) => t === 'object' || t === 'array' || t === 'null');
      proposals.set(key, { key, description: value.description ?? resolveRef(value).description, deprecated: value.deprecated === true, block });
    }
  }
  return [...proposals.values()];
}

/** Enumerated values at `path`. */
export function enumAt(path: readonly PathSegment[]): unknown[] {
  return [...new Set(schemasAt(path).flatMap((schema) => schema.enum ?? []))];
}

let validator: ValidateFunction | undefined;

/** Compiles the schema once, the first time a file is validated. */
export function validateCompose(data: unknown): ErrorObject[] {
  if (!validator) {
    // Unoptimised code compiles in about half the time, and validating a compose file stays well under a millisecond.
    const ajv = new Ajv({ allErrors: true, strict: false, code: { optimize: false } });
    validator = ajv.compile(COMPOSE_SCHEMA);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}
