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

/**
 * Maps offsets to positions and back for one text. Lines end where the LSP says they do: at "\n",
 * "\r\n" and a lone "\r" (VS Code turns a lone "\r" into its line break when it opens a file;
 * other clients count it as one), so a range means the same text here and in every editor.
 */
export class LineIndex {
  /** The offset where each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The offset just after the line's text (before its line break). */
  private contentEnd(line: number): number {
    const start = this.lineStarts[line];
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line's text without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return '';
    return this.text.slice(start, this.contentEnd(line));
  }

  /** The offset of a position; a character past the line's end is its end (never inside the line break). */
  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.lineStarts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.contentEnd(pos.line));
  }

  /** The position of an offset; an offset inside a "\r\n" is the end of its line. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const start = this.lineStarts[low];
    return { line: low, character: Math.min(clamped, this.contentEnd(low)) - start };
  }

  /** The end of the document, as a position. */
  end(): Position {
    return this.positionAt(this.text.length);
  }

  /** The line break for new lines: "\r\n" when the first "\n" has a "\r" before it, else "\n" (also in a file of lone "\r"s, which Docker does not count as line breaks). */
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

/** Deletes whole lines (in any order), one edit per run of consecutive lines, so the edits never overlap. */
export function removeLinesEdits(index: LineIndex, lines: readonly number[]): TextEdit[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const edits: TextEdit[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const first = sorted[i];
    const last = sorted[j];
    if (last + 1 < index.lineCount) edits.push({ range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' });
    else edits.push({ range: { start: first > 0 ? { line: first - 1, character: index.lineText(first - 1).length } : { line: first, character: 0 }, end: index.end() }, newText: '' });
    i = j + 1;
  }
  return edits;
}
