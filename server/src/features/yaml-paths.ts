/**
 * Where the cursor is in a YAML block document, read from indentation alone, so that half-typed
 * text (a key without a colon, an empty value) still gives a path: `services › web › ports › [item]`.
 */
import { ITEM, type PathSegment } from '../compose-schema';

export interface YamlLine {
  /** Column of the `-` of a sequence item, or -1. */
  dashColumn: number;
  /** Column where the content (key or value) starts, after any `- `; -1 for blank and comment lines. */
  contentColumn: number;
  /** The key when the content is `key:` or `key: value`. */
  key: string | null;
  /** The value text after `key:` (or the item's text), trimmed of a trailing comment. */
  value: string;
  /** Column where `value` starts. */
  valueColumn: number;
}

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s#:'"][^:#]*?))\s*:(?=\s|$)/;

export function readLine(text: string): YamlLine {
  let column = 0;
  while (column < text.length && text[column] === ' ') column++;
  if (column >= text.length || text[column] === '#') return { dashColumn: -1, contentColumn: -1, key: null, value: '', valueColumn: -1 };
  let dashColumn = -1;
  while (text[column] === '-' && (column + 1 >= text.length || text[column + 1] === ' ')) {
    dashColumn = column;
    column++;
    while (column < text.length && text[column] === ' ') column++;
  }
  const rest = text.slice(column);
  const match = KEY.exec(rest);
  if (match && !rest.startsWith('{') && !rest.startsWith('[')) {
    const key = match[1].replace(/^(["'])(.*)\1$/, '$2');
    let valueColumn = column + match[0].length;
    while (valueColumn < text.length && text[valueColumn] === ' ') valueColumn++;
    return { dashColumn, contentColumn: column, key, value: stripComment(text.slice(valueColumn)), valueColumn };
  }
  return { dashColumn, contentColumn: column, key: null, value: stripComment(rest), valueColumn: column };
}

function stripComment(value: string): string {
  const hash = value.search(/\s#/);
  return (hash >= 0 ? value.slice(0, hash) : value).trimEnd();
}

/**
 * The path of the mapping or sequence that holds the content at `column` on line `lineNumber`
 * (the content itself not included). `isItem`: the content is a sequence item (its `-` at `column`).
 */
export function parentPath(lines: readonly string[], lineNumber: number, column: number, isItem: boolean): PathSegment[] {
  const reversed: PathSegment[] = [];
  let want = column;
  let wantIsItem = isItem;
  for (let index = lineNumber - 1; index >= 0 && want > 0; index--) {
    const line = readLine(lines[index]);
    if (line.contentColumn < 0) continue;
    const start = line.dashColumn >= 0 ? line.dashColumn : line.contentColumn;
    if (start >= want && !(line.dashColumn >= 0 && line.dashColumn < want)) continue;
    if (line.dashColumn >= 0 && line.dashColumn < want && line.contentColumn === want && !wantIsItem) {
      // `- key: …` whose key lines up with ours: we are in the same item's mapping.
      reversed.push(ITEM);
      want = line.dashColumn;
      wantIsItem = true;
      continue;
    }
    if (line.dashColumn >= 0 && line.dashColumn === want && wantIsItem) continue;
    if (line.key !== null && line.contentColumn < want) {
      reversed.push(line.key);
      if (line.dashColumn >= 0) {
        reversed.push(ITEM);
        want = line.dashColumn;
        wantIsItem = true;
      } else {
        want = line.contentColumn;
        wantIsItem = false;
      }
    }
  }
  return reversed.reverse();
}

export interface CursorContext {
  /** Path of the mapping or sequence item the cursor's line belongs to (ends with ITEM for `- …`). */
  parent: PathSegment[];
  line: YamlLine;
  /** The line is `- word` (or `-`): an item that may be a scalar or the first key of a mapping. */
  bareItem: boolean;
  /** The cursor is on the key, or on a blank line or a bare word that may become one. */
  onKey: boolean;
  /** The word being typed or hovered, with its start and end columns. */
  word: { text: string; start: number; end: number };
}

export function cursorContext(lines: readonly string[], lineNumber: number, character: number): CursorContext {
  const text = lines[lineNumber] ?? '';
  const line = readLine(text);
  const isItem = line.dashColumn >= 0;
  let parent: PathSegment[];
  if (line.contentColumn < 0 && !isItem) {
    // A blank line: its mapping is decided by where the cursor stands.
    parent = parentPath(lines, lineNumber, character, false);
  } else if (isItem) {
    parent = [...parentPath(lines, lineNumber, line.dashColumn, true), ITEM];
  } else {
    parent = parentPath(lines, lineNumber, line.contentColumn, false);
  }
  const bareItem = isItem && line.key === null && /^[\w.-]*$/.test(line.value);
  const onKey = line.contentColumn < 0 || (line.key !== null ? character <= line.contentColumn + rawKeyLength(text, line) : line.key === null && !isItem && /^[\w.-]*$/.test(line.value)) || bareItem;
  return { parent, line, bareItem, onKey, word: wordAt(text, character) };
}

function rawKeyLength(text: string, line: YamlLine): number {
  const colon = text.indexOf(':', line.contentColumn);
  return colon < 0 ? text.length - line.contentColumn : colon - line.contentColumn;
}

/** The scalar word around `character`: letters, digits and `._-/:$@{}` (no spaces, quotes or commas). */
export function wordAt(text: string, character: number): { text: string; start: number; end: number } {
  const isWord = (ch: string | undefined) => ch !== undefined && /[\w.\-/:$@{}+=~*]/.test(ch);
  let start = character;
  while (start > 0 && isWord(text[start - 1])) start--;
  let end = character;
  while (end < text.length && isWord(text[end])) end++;
  return { text: text.slice(start, end), start, end };
}
