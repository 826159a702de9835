import type { HadolintConfig } from '../config/hadolint-file';
import type { Severity } from './types';
import { SEVERITIES } from './types';

export type RuleLevel = Severity | 'off';

export interface Settings {
  /** Per-rule level by rule id or any alias (`"DL3008": "off"`, `"final-user-root": "warning"`). */
  rules?: Record<string, RuleLevel>;
  /**
   * The project's `.hadolint.yaml` as the front end found it (trusted registries, label schema):
   * null when it looked and found none; undefined lets the rules look beside the file themselves.
   */
  hadolint?: HadolintConfig | null;
}

export interface SettingsProblem {
  message: string;
}

/**
 * Reads settings of unknown shape (from an editor or a config file): keeps what is valid and says
 * what was dropped, so a wrong type never breaks linting.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const settings: Settings = {};
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ message: 'settings must be an object; using defaults' });
    return { settings, problems };
  }
  const rules = (raw as { rules?: unknown }).rules;
  if (rules !== undefined && rules !== null) {
    if (typeof rules !== 'object' || Array.isArray(rules)) {
      problems.push({ message: '"rules" must map rule ids to error, warning, info, hint or off; ignoring it' });
    } else {
      settings.rules = {};
      for (const [id, level] of Object.entries(rules as Record<string, unknown>)) {
        if (typeof level === 'string' && (level === 'off' || (SEVERITIES as readonly string[]).includes(level))) {
          settings.rules[id] = level as RuleLevel;
        } else {
          problems.push({ message: `rule "${id}": level must be error, warning, info, hint or off, not ${JSON.stringify(level)}` });
        }
      }
    }
  }
  return { settings, problems };
}
