/**
 * The hadolint configuration a Dockerfile rule sees (trusted registries, label schema): the one the
 * front end found and passed in the settings, or else the nearest `.hadolint.yaml` /
 * `.hadolint.yml` read through the file access (the file's folder or a parent folder).
 */
import { CONFIG_NAMES } from '../config/project-config';
import { parseHadolintConfig, type HadolintConfig } from '../config/hadolint-file';
import type { Settings } from '../engine/settings';
import type { FileAccess } from '../engine/types';

export type LintConfig = HadolintConfig;

/** The config for a rule's context: the settings' one when the front end resolved it, else found beside the file. */
export function lintConfigFor(context: { settings?: Settings; files?: FileAccess }): LintConfig | null {
  if (context.settings?.hadolint !== undefined) return context.settings.hadolint;
  return readLintConfig(context.files);
}

export function readLintConfig(files: FileAccess | undefined): LintConfig | null {
  if (!files) return null;
  for (let depth = 0; depth < 6; depth++) {
    const prefix = depth === 0 ? '' : '../'.repeat(depth);
    for (const name of CONFIG_NAMES) {
      const text = files.readFile(prefix + name);
      if (text === undefined) continue;
      return parseHadolintConfig(text).config;
    }
  }
  return null;
}
