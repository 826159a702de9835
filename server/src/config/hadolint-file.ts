/**
 * Reads the text of a hadolint configuration file (`.hadolint.yaml`): `ignored`, `override`,
 * `trustedRegistries`, `label-schema`, `strict-labels`, `failure-threshold`, `no-fail`. Whatever is
 * wrong (bad YAML, a key of the wrong type) becomes a problem with its position; the rest is kept,
 * so a broken file never stops linting.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { LineIndex, type Range } from '../engine/text';
import type { Severity } from '../engine/types';

export const LABEL_TYPES = ['text', 'url', 'hash', 'rfc3339', 'semver', 'email', 'spdx'] as const;

export interface HadolintConfig {
  /** Rule ids (hadolint `DLxxxx`, `SCxxxx`, or ours) switched off. */
  ignored: string[];
  /** Rule id → severity (`style` read as hint). */
  override: Map<string, Severity>;
  /** Registries FROM may pull from; null when the file does not say. */
  trustedRegistries: string[] | null;
  /** Label → value format; null when the file has no schema. */
  labelSchema: Map<string, string> | null;
  strictLabels: boolean;
  /** The lowest severity that fails the CLI; `none` never fails; null when not set. */
  failureThreshold: Severity | 'none' | null;
  noFail: boolean;
  /** Inline pragmas (`# hadolint ignore=…`, `# shipshape ignore=…`) are not honoured. */
  disableIgnorePragma: boolean;
}

export interface ConfigProblem {
  message: string;
  range: Range;
}

export function emptyHadolintConfig(): HadolintConfig {
  return { ignored: [], override: new Map(), trustedRegistries: null, labelSchema: null, strictLabels: false, failureThreshold: null, noFail: false, disableIgnorePragma: false };
}

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
const THRESHOLDS: Record<string, Severity | 'none'> = { ...LEVELS, ignore: 'none', none: 'none' };
/** Keys hadolint knows that do not change what is reported here. */
const ACCEPTED_KEYS = new Set(['no-color', 'nocolor', 'format', 'verbose']);

export function parseHadolintConfig(text: string): { config: HadolintConfig; problems: ConfigProblem[] } {
  const config = emptyHadolintConfig();
  const problems: ConfigProblem[] = [];
  const index = new LineIndex(text);
  const at = (node: Node | null | undefined): Range => {
    const r = node?.range;
    return r ? { start: index.positionAt(r[0]), end: index.positionAt(r[1]) } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  };
  const problem = (message: string, node?: Node | null) => problems.push({ message, range: at(node) });

  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const start = index.positionAt(error.pos[0]);
    const end = index.positionAt(Math.max(error.pos[1], error.pos[0]));
    const firstLine = error.message.split('\n')[0];
    problems.push({ message: `not valid YAML (${firstLine}); the whole file is ignored`, range: { start, end } });
    return { config, problems };
  }
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return { config, problems };
  if (!isMap(contents)) {
    problem('the file must be a mapping of settings (ignored:, override:, trustedRegistries:, …); it is ignored', contents as Node);
    return { config, problems };
  }

  const stringList = (name: string, node: unknown): string[] | null => {
    if (isScalar(node) && node.value === null) return [];
    if (!isSeq(node)) {
      problem(`"${name}" must be a list; it is ignored`, node as Node);
      return null;
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
      else problem(`"${name}": every entry must be a string; this one is skipped`, item as Node);
    }
    return out;
  };
  const boolean = (name: string, node: unknown): boolean | null => {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    problem(`"${name}" must be true or false; it is ignored`, node as Node);
    return null;
  };

  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value;
    switch (key) {
      case 'ignored': {
        const list = stringList(key, value);
        if (list) config.ignored.push(...list);
        break;
      }
      case 'override': {
        if (isScalar(value) && value.value === null) break;
        if (!isMap(value)) {
          problem('"override" must map error, warning, info and style to lists of rule ids; it is ignored', value as Node);
          break;
        }
        for (const level of value.items) {
          const levelKey = isScalar(level.key) ? String(level.key.value) : '';
          const severity = LEVELS[levelKey];
          if (!severity) {
            problem(`"override.${levelKey}": the levels are error, warning, info and style; it is ignored`, level.key as Node);
            continue;
          }
          for (const id of stringList(`override.${levelKey}`, level.value) ?? []) config.override.set(id, severity);
        }
        break;
      }
      case 'trustedRegistries':
      case 'trusted-registries':
      case 'allowedRegistries': {
        const list = stringList(key, value);
        if (list) config.trustedRegistries = list;
        break;
      }
      case 'label-schema':
      case 'labelSchema': {
        if (isScalar(value) && value.value === null) break;
        if (!isMap(value)) {
          problem(`"${key}" must map label names to a format (${LABEL_TYPES.join(', ')}); it is ignored`, value as Node);
          break;
        }
        const schema = new Map<string, string>();
        for (const entry of value.items) {
          const label = isScalar(entry.key) ? String(entry.key.value) : '';
          const type = isScalar(entry.value) && typeof entry.value.value === 'string' ? entry.value.value : null;
          if (type === null || !(LABEL_TYPES as readonly string[]).includes(type)) {
            problem(`"${key}.${label}": the format must be one of ${LABEL_TYPES.join(', ')}; the label is read as text`, (entry.value ?? entry.key) as Node);
            schema.set(label, 'text');
          } else {
            schema.set(label, type);
          }
        }
        config.labelSchema = schema;
        break;
      }
      case 'strict-labels':
      case 'strictLabels': {
        const flag = boolean(key, value);
        if (flag !== null) config.strictLabels = flag;
        break;
      }
      case 'failure-threshold':
      case 'failureThreshold': {
        const name = isScalar(value) ? String(value.value) : '';
        const threshold = THRESHOLDS[name];
        if (threshold) config.failureThreshold = threshold;
        else problem(`"${key}" must be error, warning, info, style or none; it is ignored`, value as Node);
        break;
      }
      case 'disable-ignore-pragma':
      case 'disableIgnorePragma': {
        const flag = boolean(key, value);
        if (flag !== null) config.disableIgnorePragma = flag;
        break;
      }
      case 'no-fail':
      case 'noFail': {
        const flag = boolean(key, value);
        if (flag !== null) config.noFail = flag;
        break;
      }
      default:
        if (!ACCEPTED_KEYS.has(key)) problem(`unknown setting "${key}"; it is ignored`, keyNode);
    }
  }
  return { config, problems };
}
