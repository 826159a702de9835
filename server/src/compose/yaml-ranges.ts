/**
 * Turns the offsets the `yaml` package gives (`node.range` = [start, valueEnd, nodeEnd], UTF-16
 * offsets into the source) into LSP ranges through the document's `LineIndex`.
 */
import type { Range } from '../engine/text';
import type { LineIndex } from '../engine/text';

/** A [start, end) offset span of the source. */
export interface Span {
  start: number;
  end: number;
}

export function spanRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

/** The span of a node's value (without trailing comments and blank lines). */
export function nodeSpan(node: { range?: [number, number, number] | null } | null | undefined): Span | null {
  const range = node?.range;
  if (!range) return null;
  return { start: range[0], end: range[1] };
}

/** The offset just after the last character of the line holding `offset - 1` (before its line break). */
export function endOfLineBefore(index: LineIndex, offset: number): number {
  const { line } = index.positionAt(Math.max(0, offset - 1));
  return index.lineStarts[line] + index.lineText(line).length;
}

/** The line holding the character before `offset` (a span's last line). */
export function lastLineOf(index: LineIndex, span: Span): number {
  return index.positionAt(Math.max(span.start, span.end - 1)).line;
}
