/**
 * Table tests for one rule, in the manner of ESLint's RuleTester: inputs that must pass, inputs
 * with the exact findings they must give (1-based line/column, end exclusive), and the exact text
 * after applying the rule's preferred fixes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPreferredFixes } from '../server/src/engine/apply-fixes';
import { applyEdits } from '../server/src/engine/text';
import type { Rule } from '../server/src/engine/rule';
import type { FileAccess, Finding } from '../server/src/engine/types';
import type { Settings } from '../server/src/engine/settings';
import { runRules } from '../server/src/engine/lint';
import { supportFor } from '../server/src/linter';

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity?: string;
}

export interface TableCase {
  code: string;
  /** Neighbouring files by relative path (the build context, a Dockerfile named by compose). */
  files?: Record<string, string>;
  /** The linted file's path (default: a name fitting the kind). */
  path?: string;
  settings?: Settings;
  name?: string;
}

export interface InvalidCase extends TableCase {
  findings: ExpectedFinding[];
  /** The text after applying the rule's preferred fixes; omit when the rule has no fix for this case. */
  output?: string;
  /** Titles of every fix offered for the first finding, when the case wants to pin them. */
  fixTitles?: string[];
  /** Files the preferred fixes create, by path (they count as existing when the fixed text is checked again). */
  createdFiles?: Record<string, string>;
  /** Other files the preferred fixes edit (`files` entries), by path, with their text after the edits. */
  editedFiles?: Record<string, string>;
}

export function fileAccess(files: Record<string, string> | undefined): FileAccess | undefined {
  if (!files) return undefined;
  return { readFile: (path: string) => files[path.replace(/^\.\//, '')] };
}

function runRule(rule: Rule, kind: Rule['kinds'][number], c: TableCase, text = c.code): Finding[] {
  const options = { files: fileAccess(c.files), path: c.path, settings: c.settings };
  const support = supportFor(kind);
  const model = support.createParser().parse(text);
  const result = runRules(support, model as never, [rule], options);
  if (result.failures.length > 0) throw new Error(`rule threw: ${result.failures[0].error}`);
  return result.findings;
}

function describeCase(c: TableCase): string {
  return c.name ?? JSON.stringify(c.code.length > 70 ? c.code.slice(0, 70) + '…' : c.code);
}

export function ruleTable(rule: Rule, table: { kind?: Rule['kinds'][number]; valid: (string | TableCase)[]; invalid: InvalidCase[] }): void {
  const kind = table.kind ?? rule.kinds[0];
  describe(`rule ${rule.id}`, () => {
    it('has complete metadata', () => {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const field of ['summary', 'why', 'bad', 'good'] as const) assert.ok(rule.docs[field].trim().length > 0, `docs.${field}`);
      assert.ok(table.invalid.length > 0, 'at least one invalid case');
      if (rule.fixable) assert.ok(table.invalid.some((c) => c.output !== undefined || c.fixTitles !== undefined), 'a fixable rule tests a fix (its output, or the fixes it offers)');
    });
    for (const entry of table.valid) {
      const c = typeof entry === 'string' ? { code: entry } : entry;
      it(`valid: ${describeCase(c)}`, () => {
        assert.deepEqual(runRule(rule, kind, c).map(format), []);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${describeCase(c)}`, () => {
        const findings = runRule(rule, kind, c);
        assert.deepEqual(findings.map(format), c.findings.map((f) => ({ ...f, severity: f.severity ?? rule.severity })));
        if (c.fixTitles) assert.deepEqual(findings[0].fixes.map((f) => f.title), c.fixTitles);
        const outcome = applyPreferredFixes(c.code, (text) => runRule(rule, kind, c, text));
        if (c.output === undefined) {
          assert.equal(outcome.applied, 0, `the case has no output but ${outcome.applied} fix(es) applied, giving:\n${outcome.text}`);
          return;
        }
        assert.equal(outcome.text, c.output);
        const created = Object.fromEntries(outcome.createFiles.map((file) => [file.path, file.text]));
        if (c.createdFiles || outcome.createFiles.length > 0) assert.deepEqual(created, c.createdFiles ?? {});
        const edited: Record<string, string> = {};
        for (const external of outcome.externalEdits) {
          const before = edited[external.path] ?? c.files?.[external.path.replace(/^\.\//, '')];
          assert.ok(before !== undefined, `an external edit of ${external.path}, which is not among the case's files`);
          edited[external.path] = applyEdits(before, external.edits);
        }
        if (c.editedFiles || outcome.externalEdits.length > 0) assert.deepEqual(edited, c.editedFiles ?? {});
        const after = outcome.createFiles.length > 0 || outcome.externalEdits.length > 0 ? { ...c, files: { ...c.files, ...created, ...edited } } : c;
        // Fixing again changes nothing, and the rule no longer reports the fixed findings.
        assert.equal(applyPreferredFixes(outcome.text, (text) => runRule(rule, kind, after, text)).text, outcome.text);
        assert.deepEqual(runRule(rule, kind, after, outcome.text).filter((f) => f.fixes.some((x) => x.isPreferred)).map(format), []);
      });
    }
  });
}

function format(f: Finding) {
  return {
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    message: f.message,
    severity: f.severity,
  };
}
