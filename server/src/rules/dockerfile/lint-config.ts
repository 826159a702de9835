/**
 * Reads the hadolint configuration file next to a Dockerfile (`.hadolint.yaml` / `.hadolint.yml`,
 * in its folder or a parent folder), for the rules whose hadolint counterparts take settings from it:
 * trusted registries and the label schema.
 */
import { parse } from 'yaml';
import type { FileAccess } from '../../engine/types';

export interface LintConfig {
  trustedRegistries: string[] | null;
  labelSchema: Map<string, string> | null;
  strictLabels: boolean;
}

const NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export function readLintConfig(files: FileAccess | undefined): LintConfig | null {
  if (!files) return null;
  for (let depth = 0; depth < 6; depth++) {
    const prefix = depth === 0 ? '' : '../'.repeat(depth);
    for (const name of NAMES) {
      const text = files.readFile(prefix + name);
      if (text === undefined) continue;
      return parseConfig(text);
    }
  }
  return null;
}

function parseConfig(text: string): LintConfig | null {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const data = raw as Record<string, unknown>;
  const registries = data.trustedRegistries ?? data['trusted-registries'] ?? data.allowedRegistries;
  const schema = data['label-schema'] ?? data.labelSchema;
  const strict = data['strict-labels'] ?? data.strictLabels;
  return {
    trustedRegistries: Array.isArray(registries) ? registries.filter((r): r is string => typeof r === 'string') : null,
    labelSchema:
      schema && typeof schema === 'object' && !Array.isArray(schema)
        ? new Map(Object.entries(schema as Record<string, unknown>).filter(([, v]) => typeof v === 'string') as [string, string][])
        : null,
    strictLabels: strict === true,
  };
}
