import type { KindSupport } from './kind-support';
import { ruleNameKey } from './rule-names';
import { Suppressions } from './suppression';
import type { ModelByKind, Report, Rule, RuleScope } from './rule';
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
  const wanted = [rule.id, ...rule.aliases].map(ruleNameKey);
  for (const [name, level] of Object.entries(levels)) {
    if (wanted.includes(ruleNameKey(name))) return level;
  }
  return undefined;
}

/** What the rules of a scope reported on one part of a file, kept while that part is unchanged. */
interface PartReports {
  reports: { rule: Rule; report: Report }[];
  failures: RuleFailure[];
}

/**
 * The reports of the rules with a scope, by part, from one lint of a document to the next: a
 * keystroke re-runs them on the parts it changed only. Levels and suppressions are applied afresh
 * on every lint. Parts a lint no longer has are dropped.
 */
export class ScopedReportCache {
  private readonly byScope = new Map<RuleScope, { rules: readonly Rule[]; fileKey: string; reports: Map<string | number, PartReports> }>();

  reportsFor(
    scope: RuleScope,
    rules: readonly Rule[],
    fileKey: string,
    keys: readonly (string | number)[],
    compute: (index: number) => PartReports,
  ): PartReports[] {
    const last = this.byScope.get(scope);
    const before = last && last.fileKey === fileKey && sameRules(last.rules, rules) ? last.reports : undefined;
    const now = new Map<string | number, PartReports>();
    const out = keys.map((key, index) => {
      const reports = before?.get(key) ?? compute(index);
      now.set(key, reports);
      return reports;
    });
    this.byScope.set(scope, { rules, fileKey, reports: now });
    return out;
  }
}

function sameRules(a: readonly Rule[], b: readonly Rule[]): boolean {
  return a.length === b.length && a.every((rule, i) => rule === b[i]);
}

export function runRules<K extends keyof ModelByKind>(
  support: KindSupport<K>,
  model: ModelByKind[K],
  rules: readonly Rule[],
  options: LintOptions = {},
  /** Without one, scoped rules run over the whole file like the others: the fastest for a single lint. */
  scopedCache?: ScopedReportCache,
): LintResult<ModelByKind[K]> {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  // A project may forbid pragma comments (`disable-ignore-pragma` in .hadolint.yaml): then only settings silence rules.
  const suppressions = options.settings?.hadolint?.disableIgnorePragma ? new Suppressions() : support.suppressions(model);
  const fileSeverity = support.severityOverride?.(model) ?? null;
  const levels = new Map<Rule, RuleLevel | undefined>();
  const add = (rule: Rule, r: Report) => {
    const level = levels.get(rule);
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
  const scoped = new Map<RuleScope, Rule<K>[]>();
  for (const rule of rules) {
    if (!(rule.kinds as string[]).includes(support.kind)) continue;
    const scope = scopedCache && rule.scope && support.scopes?.[rule.scope] ? rule.scope : null;
    // A scoped rule runs on new parts whatever the levels of the moment, so cached reports never depend on settings.
    if (scope) {
      const scopeRules = scoped.get(scope);
      if (scopeRules) scopeRules.push(rule as unknown as Rule<K>);
      else scoped.set(scope, [rule as unknown as Rule<K>]);
    }
    const level = configuredLevel(rule, options.settings);
    if (level === 'off') continue;
    levels.set(rule, level);
    if (scope) continue;
    try {
      (rule as unknown as Rule<K>).check({ model, path: options.path, files: options.files, settings: options.settings, report: (r) => add(rule, r) });
    } catch (error) {
      failures.push(failureOf(rule, error));
    }
  }
  const failed = new Set<string>();
  for (const [scope, scopeRules] of scoped) {
    const parts = support.scopes![scope]!;
    const partReports = scopedCache!.reportsFor(scope, scopeRules as unknown as Rule[], parts.fileKey(model), parts.keys(model), (index) =>
      checkPart(scopeRules, parts.view(model, index)),
    );
    for (const { reports, failures: partFailures } of partReports) {
      for (const { rule, report } of reports) if (levels.has(rule)) add(rule, report);
      for (const failure of partFailures) {
        if (failed.has(failure.rule)) continue;
        failed.add(failure.rule);
        failures.push(failure);
      }
    }
  }
  findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule),
  );
  return { model, findings, failures };
}

function checkPart<K extends keyof ModelByKind>(rules: readonly Rule<K>[], view: ModelByKind[K]): PartReports {
  const result: PartReports = { reports: [], failures: [] };
  for (const rule of rules) {
    try {
      rule.check({ model: view, report: (report) => result.reports.push({ rule: rule as unknown as Rule, report }) });
    } catch (error) {
      result.failures.push(failureOf(rule as unknown as Rule, error));
    }
  }
  return result;
}

function failureOf(rule: Rule, error: unknown): RuleFailure {
  return { rule: rule.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
}
