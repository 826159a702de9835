import type { KindSupport } from './kind-support';
import { Suppressions } from './suppression';
import type { ModelByKind, Report, Rule } from './rule';
import type { Settings, RuleLevel } from './settings';
import type { FileAccess, Finding, Severity } from './types';

export interface LintOptions {
  settings?: Settings;
  /** Path of the linted file (for cross-file rules and messages). */
  path?: string;
  files?: FileAccess;
}

/** A rule that threw: reported once, the other rules' findings still count. */
export interface RuleFailure {
  rule: string;
  error: string;
}

export interface LintResult<M = unknown> {
  model: M;
  findings: Finding[];
  failures: RuleFailure[];
}

/** The level settings give a rule (by its id or any alias), or undefined when they say nothing. */
export function configuredLevel(rule: Pick<Rule, 'id' | 'aliases'>, settings: Settings | undefined): RuleLevel | undefined {
  const levels = settings?.rules;
  if (!levels) return undefined;
  if (levels[rule.id] !== undefined) return levels[rule.id];
  const wanted = [rule.id, ...rule.aliases].map((name) => name.toLowerCase());
  for (const [name, level] of Object.entries(levels)) {
    if (wanted.includes(name.toLowerCase())) return level;
  }
  return undefined;
}

export function runRules<K extends keyof ModelByKind>(
  support: KindSupport<K>,
  model: ModelByKind[K],
  rules: readonly Rule[],
  options: LintOptions = {},
): LintResult<ModelByKind[K]> {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  // A project may forbid pragma comments (`disable-ignore-pragma` in .hadolint.yaml): then only settings silence rules.
  const suppressions = options.settings?.hadolint?.disableIgnorePragma ? new Suppressions() : support.suppressions(model);
  const fileSeverity = support.severityOverride?.(model) ?? null;
  for (const rule of rules) {
    if (!(rule.kinds as string[]).includes(support.kind)) continue;
    const level = configuredLevel(rule, options.settings);
    if (level === 'off') continue;
    const report = (r: Report) => {
      const finding: Finding = {
        rule: rule.id,
        aliases: rule.aliases,
        severity: (level as Severity | undefined) ?? fileSeverity?.({ rule: rule.id, aliases: rule.aliases }) ?? r.severity ?? rule.severity,
        message: r.message,
        range: r.range,
        fixes: r.fixes ?? [],
      };
      if (!suppressions.isSuppressed(finding)) findings.push(finding);
    };
    try {
      (rule as unknown as Rule<K>).check({ model, path: options.path, files: options.files, settings: options.settings, report });
    } catch (error) {
      failures.push({ rule: rule.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
    }
  }
  findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule),
  );
  return { model, findings, failures };
}
