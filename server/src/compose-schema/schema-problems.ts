/**
 * The compose file checked against the Compose schema: the model's resolved values (anchors,
 * aliases and merge keys already expanded, within the model's alias budget) become plain data for
 * ajv, and each schema error becomes one problem at the key or value it is about. Values written
 * with `${VAR}` interpolation are not judged: only `docker compose` knows what they become.
 */
import type { ErrorObject } from 'ajv';
import { isScalar } from 'yaml';
import { hasInterpolation } from '../compose/interpolation';
import { originNote, reportRange, type ComposeModel, type ComposeProblem, type YamlEntry, type YamlValue } from '../compose/model';
import { spanRange } from '../compose/yaml-ranges';
import { validateCompose } from '.';

/**
 * The value as plain data; keys are defined, not assigned, so a `__proto__` key stays a key. An
 * entry tagged `!reset` is left out: `docker compose` removes it before it validates (override files
 * use it to drop what another file set).
 */
function toData(value: YamlValue | null): unknown {
  if (!value) return null;
  if (value.type === 'scalar') return value.value ?? null;
  if (value.type === 'seq') return value.items.map(toData);
  const data: Record<string, unknown> = {};
  for (const entry of value.entries) {
    if (entry.value?.node.tag === '!reset') continue;
    Object.defineProperty(data, entry.key, { value: toData(entry.value), enumerable: true, writable: true, configurable: true });
  }
  return data;
}

/** What a JSON pointer (`/services/web/ports/0`) names, as path segments. */
function pathOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Located {
  value: YamlValue | null;
  /** The entry holding the value, when the value is a mapping's. */
  entry: YamlEntry | null;
}

function locate(root: YamlValue, path: readonly string[]): Located | null {
  let current: Located = { value: root, entry: null };
  for (const segment of path) {
    const value = current.value;
    if (value?.type === 'map') {
      const entry = value.get(segment);
      if (!entry) return null;
      current = { value: entry.value, entry };
    } else if (value?.type === 'seq') {
      const item = value.items[Number(segment)];
      if (!item) return null;
      current = { value: item, entry: null };
    } else {
      return null;
    }
  }
  return current;
}

/**
 * Where to report on a value: the key of a mapping's entry when the value is a block or empty (a
 * whole block, or nothing, would be a poor place), else the value itself; where an alias uses it
 * when it came through one.
 */
function valueRange(found: Located, root: YamlValue): { range: ComposeProblem['range']; note: string } {
  const { value, entry } = found;
  if (entry && (value?.type !== 'scalar' || value.text === '')) {
    return { range: entry.origin ? entry.origin.usedAt : entry.keyRange, note: originNote(entry) || (value ? originNote(value) : '') };
  }
  const item = value ?? root;
  return { range: reportRange(item), note: originNote(item) };
}

function typeList(types: readonly string[]): string {
  const shown = types.filter((t) => t !== 'null');
  if (shown.length === 0) return 'empty';
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}` : shown[0];
}

/** The schema problems of a compose file; none when it has YAML errors or its aliases were not all expanded. */
export function schemaProblems(model: ComposeModel): ComposeProblem[] {
  if (model.problems.length > 0) return [];
  const contents = model.document.contents;
  if (!contents || (isScalar(contents) && contents.value === null)) return [];
  if (!model.root) {
    const [start, valueEnd] = contents.range ?? [0, 0];
    let end = valueEnd;
    while (end > start && /\s/.test(model.text[end - 1])) end--;
    return [{ range: spanRange(model.index, { start, end }), message: 'The file must be object' }];
  }
  const root = model.root;
  const errors = validateCompose(toData(root));
  return errors.length === 0 ? [] : describeErrors(root, errors);
}

function describeErrors(root: YamlValue, errors: readonly ErrorObject[]): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  // A type or enum error on a value that has errors further in is one alternative of a oneOf: the deeper ones say more.
  const deeper = (pointer: string) =>
    errors.some((other) => other.instancePath.startsWith(`${pointer}/`) || (other.instancePath === pointer && (other.keyword === 'additionalProperties' || other.keyword === 'required')));
  const byPointer = new Map<string, { types: Set<string>; other: string[] }>();
  const unknownKeys = new Set<string>();
  for (const error of errors) {
    const path = pathOf(error.instancePath);
    const found = locate(root, path);
    if (found?.value?.type === 'scalar' && typeof found.value.value === 'string' && hasInterpolation(found.value.value)) continue;
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const id = `${error.instancePath}/${key}`;
      if (unknownKeys.has(id)) continue;
      unknownKeys.add(id);
      const entry = locate(root, [...path, key])?.entry;
      if (!entry) continue;
      const where = path.length > 0 ? path.join('.') : 'the top level';
      problems.push({ range: entry.origin ? entry.origin.usedAt : entry.keyRange, message: `"${key}" is not a Compose key in ${where}${originNote(entry)}` });
      continue;
    }
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    if ((error.keyword === 'type' || error.keyword === 'enum') && deeper(error.instancePath)) continue;
    const described = byPointer.get(error.instancePath) ?? { types: new Set<string>(), other: [] };
    byPointer.set(error.instancePath, described);
    if (error.keyword === 'type') {
      const type = (error.params as { type: string | string[] }).type;
      (Array.isArray(type) ? type : [type]).forEach((t) => described.types.add(t));
    } else if (error.keyword === 'enum') {
      described.other.push(`must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`);
    } else if (error.keyword === 'required') {
      described.other.push(`needs "${(error.params as { missingProperty: string }).missingProperty}"`);
    } else if (error.keyword === 'uniqueItems') {
      described.other.push('has duplicate items');
    } else {
      described.other.push(error.message ?? 'is not valid');
    }
  }
  for (const [pointer, described] of byPointer) {
    const path = pathOf(pointer);
    const found = locate(root, path);
    if (!found) continue;
    const { range, note } = valueRange(found, root);
    const name = path.length > 0 ? path.join('.') : 'The file';
    const messages = [...new Set(described.other)];
    if (described.types.size > 0 && messages.length === 0) messages.push(`must be ${typeList([...described.types])}`);
    for (const message of messages) problems.push({ range, message: `${name} ${message}${note}` });
  }
  return problems;
}
