/**
 * The engine's invariants on one text: linting never throws and no rule fails, every range lies
 * inside the document, every fix applies cleanly (its edits inside the document and not
 * overlapping, the files it creates new, the other files it edits there and the edits inside them)
 * and the finding it fixes is gone after it, an incremental lint equals a fresh one,
 * and a lint takes bounded time.
 */
import { DocumentLinter, lintText } from '../../server/src/linter';
import { LineIndex, applyEdits, comparePositions, type Range, type TextEdit } from '../../server/src/engine/text';
import type { Finding, Fix } from '../../server/src/engine/types';
import type { LintOptions } from '../../server/src/engine/lint';
import type { CorpusKind } from './corpus';
import { afterFix, fileAccess, type Neighbourhood } from './neighbours';

export type ProblemKind = 'crash' | 'rule-failure' | 'range' | 'fix-overlap' | 'fix-files' | 'fix-not-resolving' | 'incremental-differs' | 'slow';

export interface Problem {
  kind: ProblemKind;
  /** The rule at fault, when one is. */
  rule?: string;
  message: string;
}

/** A lint slower than this is a problem (the engine's cold worst case at the size limits is about 2 s). */
export const SLOW_LINT_MS = 3000;

export interface CheckOptions {
  /** Check at most this many fixes per text (fixes re-lint the whole text). */
  maxFixes?: number;
  /** Also compare against a lint of the text by a fresh linter. */
  compareFresh?: boolean;
  /** The files around the document (none: unsaved text). */
  neighbourhood?: Neighbourhood;
}

export interface CheckResult {
  problems: Problem[];
  findings: Finding[];
  lintMs: number;
}

/** A problem's identity for deduplication and shrinking: kind and rule, not the message's details. */
export function signature(problem: Problem): string {
  return `${problem.kind}:${problem.rule ?? ''}`;
}

export function rangeProblem(index: LineIndex, range: Range): string | null {
  const { start, end } = range;
  for (const p of [start, end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `position ${JSON.stringify(p)} is not a valid position`;
    if (p.line >= index.lineCount) return `line ${p.line} is past the last line (${index.lineCount - 1})`;
    const length = index.lineText(p.line).length;
    if (p.character > length) return `character ${p.character} is past the end of line ${p.line} (length ${length})`;
  }
  if (comparePositions(start, end) > 0) return `range ends before it starts: ${JSON.stringify(range)}`;
  return null;
}

const key = (f: Pick<Finding, 'rule' | 'message' | 'range'>) => `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`;

function editsOverlap(edits: readonly TextEdit[], index: LineIndex): boolean {
  const spans = edits.map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1] || (spans[i][0] === spans[i - 1][0] && spans[i][1] === spans[i - 1][1] && spans[i][0] !== spans[i][1])) return true;
  return false;
}

/** Lints `text` with `linter` (which may have linted earlier versions) and checks every invariant. */
export function checkText(text: string, kind: CorpusKind, linter: DocumentLinter = new DocumentLinter(kind), options: CheckOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const lintOptions = (neighbourhood: Neighbourhood | undefined): LintOptions => (neighbourhood ? { path: neighbourhood.path, files: fileAccess(neighbourhood) } : {});
  const started = performance.now();
  let findings: Finding[];
  try {
    const result = linter.lint(text, lintOptions(options.neighbourhood));
    findings = result.findings;
    for (const failure of result.failures) problems.push({ kind: 'rule-failure', rule: failure.rule, message: failure.error.split('\n').slice(0, 4).join(' | ') });
  } catch (error) {
    return { problems: [{ kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 5).join(' | ') : String(error) }], findings: [], lintMs: performance.now() - started };
  }
  const lintMs = performance.now() - started;
  if (lintMs > SLOW_LINT_MS) problems.push({ kind: 'slow', message: `lint took ${lintMs.toFixed(0)} ms` });

  const index = new LineIndex(text);
  for (const finding of findings) {
    const bad = rangeProblem(index, finding.range);
    if (bad) problems.push({ kind: 'range', rule: finding.rule, message: `finding "${finding.message}": ${bad}` });
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        const badEdit = rangeProblem(index, edit.range);
        if (badEdit) problems.push({ kind: 'range', rule: finding.rule, message: `fix "${fix.title}": ${badEdit}` });
      }
    }
  }
  // Ignore fixes of the last lint ("ignore for this line / in this file").
  const ignoreFixes = findings.slice(0, 3).map((finding) => ({ finding, fixes: safe(() => linter.ignoreFixes(finding), problems) }));

  if (options.compareFresh) {
    try {
      const fresh = lintText(text, kind, lintOptions(options.neighbourhood)).findings.map(key).join('\n');
      const incremental = findings.map(key).join('\n');
      if (fresh !== incremental) {
        const a = new Set(fresh.split('\n'));
        const b = new Set(incremental.split('\n'));
        const onlyFresh = [...a].filter((k) => !b.has(k));
        const onlyIncremental = [...b].filter((k) => !a.has(k));
        problems.push({ kind: 'incremental-differs', rule: (onlyFresh[0] ?? onlyIncremental[0] ?? '').split(' ')[0], message: `fresh only: ${onlyFresh.slice(0, 2).join('; ')} / incremental only: ${onlyIncremental.slice(0, 2).join('; ')}` });
      }
    } catch (error) {
      problems.push({ kind: 'crash', message: `fresh lint: ${String(error)}` });
    }
  }

  let budget = options.maxFixes ?? 6;
  const checkFix = (finding: Finding, fix: Fix, isIgnore: boolean): void => {
    const touchesFiles = (fix.createFiles?.length ?? 0) + (fix.externalEdits?.length ?? 0) > 0;
    if ((fix.edits.length === 0 && !touchesFiles) || budget-- <= 0) return;
    if (fix.edits.some((edit) => rangeProblem(index, edit.range))) return; // reported above
    if (editsOverlap(fix.edits, index)) {
      problems.push({ kind: 'fix-overlap', rule: finding.rule, message: `fix "${fix.title}" has overlapping edits` });
      return;
    }
    let neighbourhood = options.neighbourhood;
    if (neighbourhood && touchesFiles) {
      const next = afterFix(neighbourhood, fix, editProblem);
      if (typeof next === 'string') {
        problems.push({ kind: 'fix-files', rule: finding.rule, message: `fix "${fix.title}" ${next}` });
        return;
      }
      neighbourhood = next;
    }
    const fixed = applyEdits(text, fix.edits);
    if (fixed === text && neighbourhood === options.neighbourhood) return;
    let after: Finding[];
    try {
      const result = lintText(fixed, kind, lintOptions(neighbourhood));
      after = result.findings;
      for (const failure of result.failures) problems.push({ kind: 'rule-failure', rule: failure.rule, message: `after fix "${fix.title}": ${failure.error.split('\n')[0]}` });
    } catch (error) {
      problems.push({ kind: 'crash', rule: finding.rule, message: `after fix "${fix.title}": ${String(error)}` });
      return;
    }
    // The identical finding at the identical place, or as many findings of that rule and message as before (a fix that inserts a line above moves them).
    const alike = (f: Finding) => f.rule === finding.rule && f.message === finding.message;
    const same = after.some((other) => key(other) === key(finding)) || after.filter(alike).length >= findings.filter(alike).length;
    if (same) problems.push({ kind: 'fix-not-resolving', rule: finding.rule, message: `${isIgnore ? 'ignore ' : ''}fix "${fix.title}" leaves "${finding.message}" at ${finding.range.start.line + 1}:${finding.range.start.character + 1}` });
  };
  for (const finding of findings) for (const fix of finding.fixes) checkFix(finding, fix, false);
  for (const { finding, fixes } of ignoreFixes) for (const fix of fixes ?? []) checkFix(finding, fix, true);
  return { problems, findings, lintMs };
}

/** Why `edits` cannot apply to `text` (a range outside it, overlapping edits), or null. */
function editProblem(text: string, edits: readonly TextEdit[]): string | null {
  const index = new LineIndex(text);
  for (const edit of edits) {
    const bad = rangeProblem(index, edit.range);
    if (bad) return bad;
  }
  return editsOverlap(edits, index) ? 'overlapping edits' : null;
}

function safe<T>(run: () => T, problems: Problem[]): T | undefined {
  try {
    return run();
  } catch (error) {
    problems.push({ kind: 'crash', message: `ignore fixes: ${String(error)}` });
    return undefined;
  }
}
