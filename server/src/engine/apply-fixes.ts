/** `--fix` and "Fix all": apply each finding's preferred fix, re-lint, repeat until nothing changes. */
import { applyEdits, comparePositions, type TextEdit } from './text';
import type { ExternalEdit, FileCreation, Finding, Fix } from './types';

export interface FixOutcome {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  createFiles: FileCreation[];
  externalEdits: ExternalEdit[];
}

/** The fix `--fix` applies for a finding: its first preferred fix. */
export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.isPreferred);
}

/**
 * Applies preferred fixes until a pass changes nothing (at most `maxPasses`), so fixes whose edits
 * overlap in one pass land in the next. Applying it to its own output changes nothing.
 */
export function applyPreferredFixes(text: string, lint: (text: string) => Finding[], maxPasses = 10): FixOutcome {
  let current = text;
  let applied = 0;
  const createFiles = new Map<string, FileCreation>();
  const externalEdits: ExternalEdit[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits: TextEdit[] = [];
    let taken = 0;
    for (const finding of lint(current)) {
      const fix = preferredFix(finding);
      if (!fix) continue;
      if (fix.edits.some((edit) => edits.some((other) => overlaps(edit, other)))) continue;
      edits.push(...fix.edits);
      for (const file of fix.createFiles ?? []) if (!createFiles.has(file.path)) createFiles.set(file.path, file);
      // Fixes of several findings may make the same change to another file (one line for all): once is enough.
      for (const external of fix.externalEdits ?? []) if (!externalEdits.some((other) => sameExternalEdit(other, external))) externalEdits.push(external);
      taken++;
    }
    const next = applyEdits(current, edits);
    if (next === current && taken === 0) break;
    applied += taken;
    if (next === current) break;
    current = next;
  }
  return { text: current, applied, createFiles: [...createFiles.values()], externalEdits };
}

function sameExternalEdit(a: ExternalEdit, b: ExternalEdit): boolean {
  return a.path === b.path && JSON.stringify(a.edits) === JSON.stringify(b.edits);
}

/** Edits conflict when their spans share a character or they start at the same place (their order would be ambiguous). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0) return true;
  return comparePositions(a.range.start, b.range.start) === 0;
}
