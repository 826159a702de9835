/**
 * The .dockerignore model: its pattern lines (as written and as Docker reads them), comment lines
 * and a matcher for paths of the build context.
 */
import { LineIndex, type Range, range as makeRange } from '../engine/text';
import { PatternMatcher, patternError, readPatternLine } from './patterns';

export interface IgnorePattern {
  /** 0-based line. */
  line: number;
  /** The line as written, without its line break. */
  lineText: string;
  /** The pattern as written, trimmed, with its `!`. */
  text: string;
  /** The `!` form: re-includes what earlier patterns excluded. */
  negated: boolean;
  /** As Docker compares it: cleaned, without `!` and without a leading `/`. */
  pattern: string;
  /** The trimmed pattern on its line. */
  range: Range;
  /** Why Docker rejects the pattern (the build fails), or null. */
  error: string | null;
}

export interface IgnoreComment {
  line: number;
  text: string;
  range: Range;
}

export interface DockerignoreModel {
  kind: 'dockerignore';
  text: string;
  index: LineIndex;
  patterns: IgnorePattern[];
  comments: IgnoreComment[];
  /** Matches build-context paths with the valid patterns (`matcher.specs[i]` is `validPatterns[i]`). */
  matcher: PatternMatcher;
  /** The patterns Docker accepts, in order. */
  validPatterns: IgnorePattern[];
  /** The pattern on a line, if any. */
  patternAt(line: number): IgnorePattern | undefined;
}

export function parseDockerignore(text: string): DockerignoreModel {
  const index = new LineIndex(text);
  const patterns: IgnorePattern[] = [];
  const comments: IgnoreComment[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    let lineText = index.lineText(line);
    let offset = 0;
    if (line === 0 && lineText.startsWith('\uFEFF')) {
      lineText = lineText.slice(1);
      offset = 1;
    }
    if (lineText.startsWith('#')) {
      comments.push({ line, text: lineText, range: makeRange(line, offset, line, offset + lineText.length) });
      continue;
    }
    const spec = readPatternLine(lineText);
    if (!spec) continue;
    const start = lineText.length - lineText.trimStart().length;
    const written = lineText.trim();
    const error = spec.pattern === '' ? 'a lone "!" re-includes nothing' : patternError(spec.pattern);
    patterns.push({
      line,
      lineText: index.lineText(line),
      text: written,
      negated: spec.negated,
      pattern: spec.pattern,
      range: makeRange(line, offset + start, line, offset + start + written.length),
      error,
    });
  }
  const validPatterns = patterns.filter((p) => p.error === null);
  const byLine = new Map(patterns.map((p) => [p.line, p]));
  return {
    kind: 'dockerignore',
    text,
    index,
    patterns,
    comments,
    matcher: new PatternMatcher(validPatterns.map((p) => ({ pattern: p.pattern, negated: p.negated }))),
    validPatterns,
    patternAt: (line) => byLine.get(line),
  };
}

/** Parses .dockerignore files; the parse is cheap, so it keeps no cache. */
export class DockerignoreParser {
  parse(text: string): DockerignoreModel {
    return parseDockerignore(text);
  }
}
