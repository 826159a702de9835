/**
 * Text assembled from parts of a Dockerfile (an instruction's arguments with line continuations
 * and inner comments removed, or a heredoc body), with a map from every character back to its
 * document position, so a finding inside a RUN script gets an exact range.
 */
import type { Position, Range } from '../engine/text';
import { parseShell, type ShellCommand } from './shell-words';

interface Memo {
  commands?: ShellCommand[];
  /** Other readings of the text (by name), shared like `commands`. */
  derived?: Map<string, unknown>;
}

export class SourceText {
  private constructor(
    readonly text: string,
    /** Line (relative to the chunk) and character of each character of `text`, plus one entry for the end. */
    private readonly lines: Uint32Array,
    private readonly chars: Uint32Array,
    private readonly lineDelta: number,
    private readonly memo: Memo,
  ) {}

  static build(parts: readonly { text: string; line: number; character: number }[], end: { line: number; character: number }): SourceText {
    let length = 0;
    for (const part of parts) length += part.text.length;
    const lines = new Uint32Array(length + 1);
    const chars = new Uint32Array(length + 1);
    let text = '';
    let offset = 0;
    for (const part of parts) {
      for (let i = 0; i < part.text.length; i++) {
        lines[offset] = part.line;
        chars[offset] = part.character + i;
        offset++;
      }
      text += part.text;
    }
    lines[offset] = end.line;
    chars[offset] = end.character;
    return new SourceText(text, lines, chars, 0, {});
  }

  /** The same text with every position moved by `delta` lines (the parse memo is shared). */
  shifted(delta: number): SourceText {
    return delta === 0 ? this : new SourceText(this.text, this.lines, this.chars, this.lineDelta + delta, this.memo);
  }

  /** The simple commands of the text read as a shell script (computed once per distinct text). */
  get commands(): ShellCommand[] {
    if (!this.memo.commands) this.memo.commands = parseShell(this.text);
    return this.memo.commands;
  }

  /**
   * A value computed from the text alone (no document positions), computed once per distinct text
   * and shared by every shifted copy: per-keystroke linting reuses it for unchanged instructions.
   * Callers must not mutate what they get.
   */
  derived<T>(name: string, compute: (text: string) => T): T {
    this.memo.derived ??= new Map();
    if (!this.memo.derived.has(name)) this.memo.derived.set(name, compute(this.text));
    return this.memo.derived.get(name) as T;
  }

  positionAt(offset: number): Position {
    const i = Math.max(0, Math.min(offset, this.text.length));
    return { line: this.lines[i] + this.lineDelta, character: this.chars[i] };
  }

  /** The document range of text[start, end). The end is just after the last character. */
  rangeOf(start: number, end: number): Range {
    if (end <= start) {
      const at = this.positionAt(start);
      return { start: at, end: at };
    }
    const last = this.positionAt(end - 1);
    // A line break of the text (a heredoc body's) sits at its line's end: the range ends there, not past it.
    const after = this.text.charCodeAt(Math.min(end, this.text.length) - 1) === 10 ? last.character : last.character + 1;
    return { start: this.positionAt(start), end: { line: last.line, character: after } };
  }
}
