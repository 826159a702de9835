/**
 * Positions and ranges in the LSP's shape (0-based line, UTF-16 character), so findings travel
 * to the editor, the CLI and SARIF without conversion.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export function position(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function shiftRange(r: Range, lineDelta: number): Range {
  return {
    start: { line: r.start.line + lineDelta, character: r.start.character },
    end: { line: r.end.line + lineDelta, character: r.end.character },
  };
}

/** Maps offsets to positions and back for one text; lines end at \n (a \r before it belongs to the line). */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line's text without its line break (and without a trailing \r). */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return '';
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line];
    const lineEnd = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1] - 1 : this.text.length;
    return Math.min(start + Math.max(0, pos.character), Math.max(start, lineEnd));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset between a line's \r and its \n (or after a final \r) is the end of that line.
    const character = clamped - this.lineStarts[low];
    if (character > 0 && this.text.charCodeAt(clamped - 1) === 13 && (clamped === this.text.length || this.text.charCodeAt(clamped) === 10)) return { line: low, character: character - 1 };
    return { line: low, character };
  }

  /** The end of the document, as a position. */
  end(): Position {
    return this.positionAt(this.text.length);
  }

  /** The line break this text uses most ("\r\n" when any line ends with it). */
  eol(): string {
    const first = this.text.indexOf('\n');
    return first > 0 && this.text.charCodeAt(first - 1) === 13 ? '\r\n' : '\n';
  }
}

/** Applies non-overlapping edits (in any order) to a text. Overlapping edits after the first are dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const index = new LineIndex(text);
  const resolved = edits
    .map((edit, order) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let cursor = 0;
  for (const edit of resolved) {
    if (edit.start < cursor) continue;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
