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

/** What unit rules reported on one unit (a Dockerfile instruction), kept while that unit is unchanged. */
interface UnitReports {
  reports: { rule: Rule; report: Report }[];
  failures: RuleFailure[];
}

/**
 * The reports of the rules with `scope: 'unit'`, by unit, from one lint of a document to the next.
 * A parser that keeps unchanged units (the same objects) between parses makes a keystroke re-run
 * those rules on the changed unit only. Levels and suppressions are applied afresh on every lint.
 */
export class UnitReportCache {
  private byUnit = new WeakMap<object, UnitReports>();
  private fileKey: string | null = null;

  reportsFor(unit: object, fileKey: string, compute: () => UnitReports): UnitReports {
    if (fileKey !== this.fileKey) {
      this.byUnit = new WeakMap();
      this.fileKey = fileKey;
    }
    let reports = this.byUnit.get(unit);
    if (!reports) {
      reports = compute();
      this.byUnit.set(unit, reports);
    }
    return reports;
  }
}

export function runRules<K extends keyof ModelByKind>(
  support: KindSupport<K>,
  model: ModelByKind[K],
  rules: readonly Rule[],
  options: LintOptions = {},
  unitCache: UnitReportCache = new UnitReportCache(),
): LintResult<ModelByKind[K]> {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  // A project may forbid pragma comments (`disable-ignore-pragma` in .hadolint.yaml): then only settings silence rules.
  const suppressions = options.settings?.hadolint?.disableIgnorePragma ? new Suppressions() : support.suppressions(model);
  const fileSeverity = support.severityOverride?.(model) ?? null;
  const levels = new Map<Rule, RuleLevel | undefined>();
  const unitRules: Rule[] = [];
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
  for (const rule of rules) {
    if (!(rule.kinds as string[]).includes(support.kind)) continue;
    const level = configuredLevel(rule, options.settings);
    if (level === 'off') continue;
    levels.set(rule, level);
    if (rule.scope === 'unit' && support.units) {
      unitRules.push(rule);
      continue;
    }
    try {
      (rule as unknown as Rule<K>).check({ model, path: options.path, files: options.files, settings: options.settings, report: (r) => add(rule, r) });
    } catch (error) {
      failures.push(failureOf(rule, error));
    }
  }
  if (support.units && unitRules.length > 0) {
    const units = support.units;
    const fileKey = units.fileKey(model);
    // Every unit rule runs on a new unit, whatever the levels of the moment, so the cache never depends on settings.
    const allUnitRules = rules.filter((rule) => rule.scope === 'unit' && (rule.kinds as string[]).includes(support.kind));
    const failed = new Set<string>();
    for (const unit of units.of(model)) {
      const reports = unitCache.reportsFor(unit, fileKey, () => checkUnit(allUnitRules as Rule<K>[], units.view(model, unit)));
      for (const { rule, report } of reports.reports) if (levels.has(rule)) add(rule, report);
      for (const failure of reports.failures) {
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

function checkUnit<K extends keyof ModelByKind>(rules: readonly Rule<K>[], view: ModelByKind[K]): UnitReports {
  const result: UnitReports = { reports: [], failures: [] };
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
