/**
 * The engine's front door: parse → rules → findings → fixes for any supported file kind. Shared by
 * the language server, the CLI and the tests; imports nothing from the editor or the LSP connection.
 */
import { composeSupport } from './compose/support';
import { dockerignoreSupport } from './dockerignore/support';
import { dockerfileSupport } from './dockerfile/support';
import { applyPreferredFixes, type FixOutcome } from './engine/apply-fixes';
import { ignoreFixes } from './engine/ignore-fixes';
import type { KindSupport } from './engine/kind-support';
import { limitText } from './engine/limits';
import { configuredLevel, runRules, ScopedReportCache, type LintOptions, type LintResult } from './engine/lint';
import type { ModelByKind } from './engine/rule';
import type { FileKind, Finding, Fix } from './engine/types';
import { allRules } from './rules';
import { fileNotChecked } from './rules/file-not-checked';

const supports: { [K in keyof ModelByKind]: KindSupport<K> } = {
  dockerfile: dockerfileSupport,
  compose: composeSupport,
  dockerignore: dockerignoreSupport,
};

export function supportFor<K extends keyof ModelByKind>(kind: K): KindSupport<K> {
  return supports[kind] as KindSupport<K>;
}

export function isLintable(kind: FileKind | null): kind is keyof ModelByKind {
  return kind !== null && kind in supports;
}

/** Lints one document over and over as it changes, reusing parses of unchanged parts. */
export class DocumentLinter {
  private readonly parser: { parse(text: string): unknown };
  private lastModel: unknown;
  /**
   * Reports of scoped rules, part by part, for the next lint. A document linted once (the CLI) has
   * none: its scoped rules run over the whole file, which is faster when nothing is reused.
   */
  private readonly scopedReports: ScopedReportCache | undefined;

  constructor(
    readonly kind: keyof ModelByKind,
    { once = false }: { once?: boolean } = {},
  ) {
    this.parser = supports[kind].createParser();
    this.scopedReports = once ? undefined : new ScopedReportCache();
  }

  lint(text: string, options: LintOptions = {}): LintResult {
    const support = supports[this.kind] as KindSupport;
    const limited = limitText(text, this.kind);
    const model = this.parser.parse(limited.text) as ModelByKind[keyof ModelByKind];
    this.lastModel = model;
    if (!limited.notice) return runRules(support, model, allRules, options, this.scopedReports);
    const result = limited.notice.binary ? { model, findings: [], failures: [] } : runRules(support, model, allRules, options, this.scopedReports);
    const findings = result.findings.map((finding) => ({ ...finding, fixes: [] }));
    const level = configuredLevel(fileNotChecked, options.settings);
    if (level !== 'off') {
      const notice = { rule: fileNotChecked.id, aliases: fileNotChecked.aliases, severity: level ?? fileNotChecked.severity, message: limited.notice.message, range: limited.notice.range, fixes: [] };
      if (!support.suppressions(model).isSuppressed(notice)) findings.unshift(notice);
    }
    return { ...result, findings };
  }

  /** "Ignore here" / "ignore in this file" fixes for a finding of the last lint. */
  ignoreFixes(finding: Finding): Fix[] {
    const support = supports[this.kind] as KindSupport;
    return this.lastModel === undefined ? [] : ignoreFixes(support, this.lastModel as ModelByKind[keyof ModelByKind], finding);
  }
}

export function lintText(text: string, kind: keyof ModelByKind, options: LintOptions = {}): LintResult {
  return new DocumentLinter(kind, { once: true }).lint(text, options);
}

/** Applies every preferred fix (repeatedly, until stable). */
export function fixText(text: string, kind: keyof ModelByKind, options: LintOptions = {}): FixOutcome {
  const linter = new DocumentLinter(kind);
  return applyPreferredFixes(text, (current) => linter.lint(current, options).findings);
}

export { allRules };
