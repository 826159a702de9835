/**
 * Size limits: the engine lints at most the first lines of a file that is too large, and nothing of
 * a binary file, so one absurd file costs a bounded time and memory (the language server lints on
 * every keystroke). A file over a limit gets one `file-not-checked` finding that says what was left
 * out; the findings above the cut keep their positions, but their fixes are withheld because a
 * fix computed on part of a file (an instruction "at the end", the "final" stage) may be wrong for
 * the whole.
 */
import type { FileKind } from './types';
import type { Range } from './text';

export interface TextLimits {
  /** Lines linted at most. */
  maxLines: number;
  /** Characters (UTF-16 code units) linted at most. */
  maxChars: number;
  /** The longest line linted: a longer line ends the linted part. */
  maxLineChars: number;
}

/**
 * Far above real files (the largest of 135 public Dockerfiles has 511 lines, of 54 compose files
 * 1,702); each bound keeps a cold lint of the worst synthetic file near or under two seconds.
 * .dockerignore checks compare every pattern with every other, hence its lower line count.
 */
export const LIMITS: Record<FileKind, TextLimits> = {
  dockerfile: { maxLines: 10_000, maxChars: 1_000_000, maxLineChars: 50_000 },
  compose: { maxLines: 10_000, maxChars: 1_000_000, maxLineChars: 50_000 },
  dockerignore: { maxLines: 1_000, maxChars: 100_000, maxLineChars: 10_000 },
};

/** A NUL character this close to the start makes a file binary (as `git` and the CLI judge it). */
export const BINARY_SNIFF_CHARS = 8192;

export interface LimitNotice {
  message: string;
  /** Where the notice is shown: the first line left out (line 0 for a binary file), in the whole text. */
  range: Range;
  /** True when nothing was linted. */
  binary: boolean;
}

export interface LimitedText {
  /** What to lint: the whole text, or its first lines (each with its line break). */
  text: string;
  notice: LimitNotice | null;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The part of `text` the engine lints, and the notice when it is not all of it. Linear in the part read. */
export function limitText(text: string, kind: FileKind, limits: TextLimits = LIMITS[kind]): LimitedText {
  const nul = text.indexOf('\0');
  if (nul !== -1 && nul < BINARY_SNIFF_CHARS) {
    const firstBreak = lineBreaks(text)(0);
    const firstLineEnd = Math.min(firstBreak === -1 ? text.length : firstBreak, 200);
    return {
      text: '',
      notice: {
        message: `Binary content (a NUL character at offset ${nul}): the file is not checked`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineEnd } },
        binary: true,
      },
    };
  }
  if (text.length <= limits.maxLineChars && text.length <= limits.maxChars && text.length < limits.maxLines) return { text, notice: null };
  let line = 0;
  let start = 0;
  // Lines end at \n, \r\n or a lone \r, as in the engine's LineIndex.
  const nextBreak = lineBreaks(text);
  while (start < text.length) {
    const end = nextBreak(start);
    const lineEnd = end === -1 ? text.length : end;
    const length = lineEnd - start;
    let reason: string | null = null;
    if (line >= limits.maxLines) reason = `File too large: more than ${count(limits.maxLines)} lines`;
    else if (length > limits.maxLineChars) reason = `Line ${count(line + 1)} is ${count(length)} characters long (the limit is ${count(limits.maxLineChars)})`;
    else if (lineEnd > limits.maxChars) reason = `File too large: more than ${count(limits.maxChars)} characters`;
    if (reason) {
      const shown = Math.min(length, 200);
      return {
        text: text.slice(0, start),
        notice: {
          message: `${reason}: linting the first ${count(line)} ${line === 1 ? 'line' : 'lines'} only; findings below are not shown and quick fixes are off`,
          range: { start: { line, character: 0 }, end: { line, character: shown } },
          binary: false,
        },
      };
    }
    if (end === -1) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return { text, notice: null };
}

/**
 * Finds line breaks (\n, \r\n or a lone \r) from left to right: `next(from)` is the offset of the
 * first one at or after `from`, or -1. Each search resumes where the last one stopped, so reading a
 * whole text is linear.
 */
function lineBreaks(text: string): (from: number) => number {
  let lf = -2;
  let cr = -2;
  return (from) => {
    if (lf !== -1 && lf < from) lf = text.indexOf('\n', from);
    if (cr !== -1 && cr < from) cr = text.indexOf('\r', from);
    if (cr === -1) return lf;
    return lf === -1 ? cr : Math.min(lf, cr);
  };
}
