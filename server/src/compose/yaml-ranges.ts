/**
 * Turns the offsets the `yaml` package gives (`node.range` = [start, valueEnd, nodeEnd], UTF-16
 * offsets into the source) into LSP ranges through the document's `LineIndex`.
 */
import type { LineIndex, Range } from '../engine/text';

/** A [start, end) offset span of the source. */
export interface Span {
  start: number;
  end: number;
}

export function spanRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

/** The line holding the span's last character. */
export function lastLineOf(index: LineIndex, span: Span): number {
  return index.positionAt(Math.max(span.start, span.end - 1)).line;
}
