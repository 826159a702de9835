/** Which pattern lines of a .dockerignore change nothing, and edits that add or remove lines. */
import type { LineIndex, TextEdit } from '../engine/text';
import type { DockerignoreModel, IgnorePattern } from './model';
import { covers, mayOverlap } from './patterns';

export interface Duplicate {
  pattern: IgnorePattern;
  /** The earlier line it repeats. */
  first: IgnorePattern;
}

function same(a: IgnorePattern, b: IgnorePattern): boolean {
  return a.negated === b.negated && a.pattern === b.pattern;
}

/** Patterns that repeat an earlier one with nothing of the other kind (`!` or not) touching them in between. */
export function findDuplicates(model: DockerignoreModel): Duplicate[] {
  const list = model.validPatterns;
  const out: Duplicate[] = [];
  for (let k = 0; k < list.length; k++) {
    for (let i = k - 1; i >= 0; i--) {
      const between = list[i];
      if (same(between, list[k])) {
        out.push({ pattern: list[k], first: between });
        break;
      }
      if (between.negated !== list[k].negated && mayOverlap(between.pattern, list[k].pattern)) break;
    }
  }
  return out;
}

/**
 * The pattern and every later line that repeats it (directly or through another repeat): removing
 * the pattern alone would only move the next repeat into its place.
 */
export function withLaterRepeats(duplicates: readonly Duplicate[], pattern: IgnorePattern): IgnorePattern[] {
  const repeatsOf = new Map<IgnorePattern, IgnorePattern[]>();
  for (const { pattern: repeat, first } of duplicates) repeatsOf.set(first, [...(repeatsOf.get(first) ?? []), repeat]);
  const out: IgnorePattern[] = [];
  for (const queue = [pattern]; queue.length > 0; ) {
    const next = queue.shift()!;
    out.push(next);
    queue.push(...(repeatsOf.get(next) ?? []));
  }
  return out;
}

export interface DeadPattern {
  pattern: IgnorePattern;
  reason: 'overridden' | 'nothing-to-reinclude' | 'already-excluded';
  /** The line that makes it useless (none for `nothing-to-reinclude`). */
  by: IgnorePattern | null;
}

/**
 * Patterns whose removal changes no path's fate: a later pattern matches everything they match
 * (the last match wins), a `!` pattern with nothing excluded before it, or a pattern whose paths an
 * earlier pattern already excludes with no `!` in between. Repeats are left to the duplicate check.
 */
export function findDeadPatterns(model: DockerignoreModel): DeadPattern[] {
  const list = model.validPatterns;
  const duplicates = new Set(findDuplicates(model).map((d) => d.pattern));
  const out: DeadPattern[] = [];
  for (let k = 0; k < list.length; k++) {
    const current = list[k];
    if (duplicates.has(current)) continue;
    const later = list.slice(k + 1).find((other) => !duplicates.has(other) && !same(other, current) && covers(other.pattern, current.pattern));
    if (later) {
      out.push({ pattern: current, reason: 'overridden', by: later });
      continue;
    }
    const earlier = list.slice(0, k);
    if (current.negated) {
      if (!earlier.some((other) => !other.negated && mayOverlap(other.pattern, current.pattern))) {
        out.push({ pattern: current, reason: 'nothing-to-reinclude', by: null });
      }
      continue;
    }
    for (let i = k - 1; i >= 0; i--) {
      const other = earlier[i];
      if (other.negated) {
        if (mayOverlap(other.pattern, current.pattern)) break;
        continue;
      }
      if (!same(other, current) && covers(other.pattern, current.pattern)) {
        out.push({ pattern: current, reason: 'already-excluded', by: other });
        break;
      }
    }
  }
  return out;
}

/** Deletes a whole line with its line break (or the break before it, on the last line). */
export function removeLineEdit(index: LineIndex, line: number): TextEdit {
  if (line + 1 < index.lineCount) {
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  }
  const start = line > 0 ? { line: line - 1, character: index.lineText(line - 1).length } : { line, character: 0 };
  return { range: { start, end: index.end() }, newText: '' };
}

/** Appends lines at the end, in the file's line endings, after a line break when the file lacks a final one. */
export function appendLinesEdit(index: LineIndex, lines: readonly string[]): TextEdit {
  const eol = index.eol();
  const text = index.text;
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  const end = index.end();
  return { range: { start: end, end }, newText: (needsBreak ? eol : '') + lines.map((l) => l + eol).join('') };
}
