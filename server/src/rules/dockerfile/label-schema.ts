import { defineRule } from '../../engine/rule';
import type { KeyValue } from '../../dockerfile/instruction';
import { stageChain } from '../../dockerfile/package-commands';
import type { Range } from '../../engine/text';
import { lintConfigFor } from '../../dockerfile/hadolint-config';

/** Formats the OCI image spec gives its annotation keys; checked even without a configured schema. */
const OCI_FORMATS: Record<string, string> = {
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.url': 'url',
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.documentation': 'url',
  'org.opencontainers.image.licenses': 'spdx',
};

const CHECKS: Record<string, { test: (value: string) => boolean; what: string }> = {
  url: { test: (v) => /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/i.test(v), what: 'a valid URL' },
  rfc3339: { test: (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v), what: 'an RFC 3339 date-time' },
  spdx: { test: (v) => isSpdxExpression(v), what: 'an SPDX license expression' },
  hash: { test: (v) => /^[0-9a-f]{7,40}$/.test(v) || /^[0-9a-f]{64}$/.test(v), what: 'a git commit hash' },
  semver: { test: (v) => /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v), what: 'a semantic version' },
  email: { test: (v) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(v) || /^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(v), what: 'an email address' },
};

export const labelSchema = defineRule({
  id: 'label-schema',
  aliases: ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
  severity: 'info',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: 'LABEL values that do not fit their format (URL, date, SPDX license, git hash, semantic version, email), and labels the project\'s label schema requires or forbids.',
    why: 'Registries, scanners and provenance tools read labels such as `org.opencontainers.image.source` and `.created`: a malformed value is silently dropped or, worse, points at the wrong place.',
    bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/example/app" \\\n      org.opencontainers.image.created="yesterday"',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app" \\\n      org.opencontainers.image.created="2024-10-01T12:00:00Z"',
    notes:
      'Without configuration the OCI keys with a defined format are checked (created: RFC 3339; url, source, documentation: URL; licenses: SPDX expression, by shape, not against the license list). A `label-schema` map in `.hadolint.yaml` (label → text, url, rfc3339, spdx, hash, semver or email) adds: labels of the schema missing from the final image (DL3049), empty (DL3051) or of the wrong format (DL3052–DL3056, DL3058); with `strict-labels: true`, labels outside the schema (DL3050). Info rather than hadolint\'s warning: labels are metadata.',
  },
  check({ model, report, files, settings }) {
    const config = lintConfigFor({ settings, files });
    const schema = config?.labelSchema ?? null;
    const formats = new Map<string, string>(Object.entries(OCI_FORMATS));
    if (schema) for (const [key, type] of schema) formats.set(key, type);
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'LABEL') continue;
      for (const prop of instruction.properties) {
        const key = prop.name.replace(/^["']|["']$/g, '');
        const value = prop.value ?? '';
        const type = formats.get(key);
        if (schema && config?.strictLabels && !schema.has(key)) {
          report({ range: prop.nameRange, message: `Label "${key}" is not in the label schema` });
          continue;
        }
        if (!type) continue;
        if (value.includes('$')) continue;
        if (value.trim() === '') {
          if (schema?.has(key)) report({ range: rangeOf(prop), message: `Label "${key}" is empty` });
          continue;
        }
        const check = CHECKS[type];
        if (check && !check.test(value)) report({ range: rangeOf(prop), message: `Label "${key}" is not ${check.what}: "${value}"` });
      }
    }
    if (!schema || !model.finalStage) return;
    const present = new Set<string>();
    for (const stage of stageChain(model.finalStage)) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'LABEL') for (const prop of instruction.properties) present.add(prop.name.replace(/^["']|["']$/g, ''));
      }
    }
    const missing = [...schema.keys()].filter((key) => !present.has(key));
    if (missing.length > 0) {
      report({
        range: model.finalStage.from.range,
        message: `The final image lacks the label${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} required by the label schema`,
      });
    }
  },
});

function rangeOf(prop: KeyValue): Range {
  return prop.valueRange ?? prop.range;
}

function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return false;
  let expectId = true;
  for (const token of tokens) {
    if (expectId) {
      if (!/^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*\+?)$/.test(token) || /^(AND|OR|WITH)$/.test(token)) return false;
      expectId = false;
    } else {
      if (!/^(AND|OR|WITH)$/.test(token)) return false;
      expectId = true;
    }
  }
  return !expectId;
}
