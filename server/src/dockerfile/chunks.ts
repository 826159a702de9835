/**
 * A cheap line scan that splits a Dockerfile into parser directives, comments and instruction
 * chunks (an instruction with its continuation lines, the comments inside them and its heredoc
 * bodies). Each chunk can then be parsed alone and cached by its text, so a keystroke re-parses one
 * instruction instead of the whole file.
 */
import type { LineIndex } from '../engine/text';

export interface DirectiveLine {
  line: number;
  name: string;
  value: string;
  /** Character offsets on the line. */
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface Chunk {
  startLine: number;
  /** Inclusive. */
  endLine: number;
  /** The chunk's lines joined with \n (any \r removed), i.e. what the chunk parser sees. */
  text: string;
}

export interface ChunkScan {
  escape: string;
  directives: DirectiveLine[];
  /** Whole-line comments outside instructions, by line. */
  commentLines: number[];
  chunks: Chunk[];
}

// As BuildKit reads them: `#` in the first column, a known name, `=`.
const DIRECTIVE = /^(#[ \t]*)([a-zA-Z][a-zA-Z0-9_-]*)([ \t]*=[ \t]*)(.*?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_MARKER = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;
const HEREDOC_KEYWORDS = /^\s*(RUN|COPY|ADD)\b/i;

export function isCommentLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 35; // '#'
  }
  return false;
}

export function isBlankLine(text: string): boolean {
  return text.trim().length === 0;
}

/**
 * True when the line continues on the next one: ignoring trailing white space, it ends with the
 * escape character, and not with two of them. As BuildKit reads it, `C:\\dir\\` ends with an
 * escaped escape character and ends the instruction (and so, for want of a look-behind, does `a \\\`).
 */
export function endsWithEscape(text: string, escape: string): boolean {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end > 0 && text[end - 1] === escape && text[end - 2] !== escape;
}

export function scanChunks(index: LineIndex): ChunkScan {
  const lineCount = index.lineCount;
  const directives: DirectiveLine[] = [];
  let escape = '\\';
  let line = 0;
  // Parser directives: only at the very top; a blank line, comment or instruction ends them.
  const seen = new Set<string>();
  for (; line < lineCount; line++) {
    let text = index.lineText(line);
    if (line === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const match = DIRECTIVE.exec(text);
    if (!match) break;
    const name = match[2].toLowerCase();
    // An unknown directive is a comment, and a comment ends the directives; so does a repeated one.
    if (seen.has(name) || !KNOWN_DIRECTIVES.has(name)) break;
    seen.add(name);
    const bom = line === 0 && index.lineText(0).charCodeAt(0) === 0xfeff ? 1 : 0;
    const nameStart = bom + match[1].length;
    const valueStart = nameStart + match[2].length + match[3].length;
    directives.push({
      line,
      name: match[2],
      value: match[4],
      nameStart,
      nameEnd: nameStart + match[2].length,
      valueStart,
      valueEnd: valueStart + match[4].length,
    });
    if (name === 'escape' && (match[4] === '`' || match[4] === '\\')) escape = match[4];
  }

  const commentLines: number[] = [];
  const chunks: Chunk[] = [];
  while (line < lineCount) {
    // A byte order mark is not part of the first line's text (a comment after it is a comment).
    const text = line === 0 ? index.lineText(0).replace(/^\uFEFF/, '') : index.lineText(line);
    if (isBlankLine(text)) {
      line++;
      continue;
    }
    if (isCommentLine(text)) {
      commentLines.push(line);
      line++;
      continue;
    }
    const startLine = line;
    const lines: string[] = [stripBom(index.lineText(line), line)];
    const heredocs: { name: string; stripTabs: boolean }[] = [];
    collectHeredocs(text, heredocs, true);
    let current = text;
    while (endsWithEscape(current, escape) && line + 1 < lineCount) {
      line++;
      current = index.lineText(line);
      lines.push(current);
      // Comment and blank lines inside a continuation do not end it.
      while ((isCommentLine(current) || isBlankLine(current)) && line + 1 < lineCount) {
        line++;
        current = index.lineText(line);
        lines.push(current);
      }
      if (heredocs.length > 0 || HEREDOC_KEYWORDS.test(lines[0])) collectHeredocs(current, heredocs, false);
    }
    if (heredocs.length > 0 && HEREDOC_KEYWORDS.test(lines[0])) {
      for (const heredoc of heredocs) {
        while (line + 1 < lineCount) {
          line++;
          const body = index.lineText(line);
          lines.push(body);
          const candidate = heredoc.stripTabs ? body.replace(/^\t+/, '') : body;
          if (candidate === heredoc.name) break;
        }
      }
    }
    chunks.push({ startLine, endLine: line, text: lines.join('\n') });
    line++;
  }
  return { escape, directives, commentLines, chunks };
}

function stripBom(text: string, line: number): string {
  return line === 0 && text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

function collectHeredocs(text: string, into: { name: string; stripTabs: boolean }[], firstLine: boolean): void {
  if (firstLine && !HEREDOC_KEYWORDS.test(text)) return;
  HEREDOC_MARKER.lastIndex = 0;
  for (let match = HEREDOC_MARKER.exec(text); match; match = HEREDOC_MARKER.exec(text)) {
    into.push({ name: match[3], stripTabs: match[1] === '-' });
  }
}
