/**
 * Text edits to a compose file computed from node ranges, so a fix keeps the file's indentation,
 * quoting, comments and line endings (the document is never re-stringified). Each helper returns
 * null when the spot cannot be edited safely (a nested block in a flow mapping, values that came
 * through an alias, a YAML error on the lines it edits or on the keys above them: the parser's
 * reading of broken lines, and so where a new line would land, is a guess).
 */
import { isPair, isScalar, type Node, type Pair } from 'yaml';
import type { Range, TextEdit } from '../engine/text';
import type { ComposeModel, YamlEntry, YamlMapping, YamlSequence, YamlValue } from './model';
import { lastLineOf, type Span } from './yaml-ranges';

/** A node's value span without the line breaks and blank lines a block collection ends with. */
function spanOfNode(node: Node | null | undefined, text: string): Span | null {
  const range = node?.range;
  if (!range) return null;
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1])) end--;
  return { start: range[0], end };
}

function pairSpan(pair: Pair, text: string): Span | null {
  const key = spanOfNode(pair.key as Node, text);
  if (!key) return null;
  const value = spanOfNode(pair.value as Node, text);
  return { start: key.start, end: value ? Math.max(value.end, key.end) : key.end };
}

/**
 * True when a YAML error lies on the lines an edit touches (`fromLine` to `toLine`, inclusive) or on
 * the first line of an entry that contains them (the keys on the path to the edited spot).
 */
function errorOnLines(model: ComposeModel, fromLine: number, toLine: number): boolean {
  if (model.problems.length === 0) return false;
  const on = (from: number, to: number) => model.problems.some((problem) => problem.range.start.line <= to && problem.range.end.line >= from);
  return on(fromLine, toLine) || model.statements.some((statement) => statement.fromLine < fromLine && fromLine <= statement.toLine && on(statement.fromLine, statement.fromLine));
}

function rangeAt(model: ComposeModel, start: number, end = start): Range {
  return { start: model.index.positionAt(start), end: model.index.positionAt(end) };
}

/** The file's indentation step (from `services:` to its first service), 2 when unknown. */
export function indentStep(model: ComposeModel): number {
  const services = model.top('services');
  const first = services?.value?.type === 'map' ? services.value.entries[0] : undefined;
  if (services && first && !first.origin) {
    const step = first.keyRange.start.character - services.keyRange.start.character;
    if (step > 0) return step;
  }
  return 2;
}

/**
 * Adds lines to the end of a mapping: `lines[0]` is `key: value`, later lines are relative to the
 * key's column (indent them with `indentStep`). A flow mapping (`{image: nginx:1.27}`) gets
 * `, key: value` after its last entry, in its own style, when every line is a `key: value` of its
 * own (a nested block cannot be written there).
 */
export function appendToMap(model: ComposeModel, map: YamlMapping, lines: string[]): TextEdit | null {
  if (map.origin) return null;
  const pairs = (map.node as unknown as { items: unknown[] }).items.filter(isPair);
  if (pairs.length === 0) return null;
  const firstKey = spanOfNode(pairs[0].key as Node, model.text);
  const last = pairSpan(pairs[pairs.length - 1], model.text);
  if (!firstKey || !last) return null;
  if (map.flow) {
    if (lines.some((line) => /^\s/.test(line) || /:$/.test(line))) return null;
    if (errorOnLines(model, map.range.start.line, map.range.end.line)) return null;
    return { range: rangeAt(model, last.end), newText: lines.map((line) => ', ' + line).join('') };
  }
  const column = model.index.positionAt(firstKey.start).character;
  const lastLine = lastLineOf(model.index, last);
  if (errorOnLines(model, map.range.start.line, lastLine + 1)) return null;
  return insertLinesAfter(model, lastLine, lines.map((line) => ' '.repeat(column) + line));
}

/**
 * Inserts whole lines after `line`: at the start of the next line (so a deletion that ends with
 * `line`'s break does not overlap it), or after the last line when the file ends there.
 */
export function insertLinesAfter(model: ComposeModel, line: number, lines: string[]): TextEdit {
  const eol = model.index.eol();
  if (line + 1 < model.index.lineCount) {
    const at = { line: line + 1, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((l) => l + eol).join('') };
  }
  const at = { line, character: model.index.lineText(line).length };
  return { range: { start: at, end: at }, newText: lines.map((l) => eol + l).join('') };
}

/**
 * Adds a top-level `key:` block at the very end of the file (the lines after the first are already
 * indented); null when a YAML error lies in the last top-level entry or after it.
 */
export function appendTopLevel(model: ComposeModel, lines: string[]): TextEdit | null {
  const entries = model.root?.entries.filter((entry) => !entry.origin) ?? [];
  const from = entries.length > 0 ? Math.max(...entries.map((entry) => entry.keyRange.start.line)) : 0;
  if (errorOnLines(model, from, model.index.lineCount)) return null;
  const text = model.text;
  const eol = model.index.eol();
  const end = text.length;
  const newText = text.endsWith('\n') ? lines.join(eol) + eol : (end > 0 ? eol : '') + lines.join(eol);
  return { range: rangeAt(model, end, end), newText };
}

/** Deletes a block-mapping entry written on lines of its own (with its block). */
export function removeEntry(model: ComposeModel, entry: YamlEntry): TextEdit | null {
  if (entry.origin) return null;
  const index = model.index;
  const first = entry.keyRange.start.line;
  if (index.lineText(first).slice(0, entry.keyRange.start.character).trim() !== '') return null;
  const last = lastLineOf(index, entry.span);
  // The line after too: with the entry gone, a broken line below moves into its place.
  if (errorOnLines(model, first, last + 1)) return null;
  return removeLines(model, first, last);
}

function removeLines(model: ComposeModel, first: number, last: number): TextEdit {
  const index = model.index;
  if (last + 1 < index.lineCount) {
    return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
  }
  const start = first > 0 ? { line: first - 1, character: index.lineText(first - 1).length } : { line: first, character: 0 };
  return { range: { start, end: { line: last, character: index.lineText(last).length } }, newText: '' };
}

/** Deletes one item of a sequence (a block item's lines, or a flow item with its comma); null for the only item. */
export function removeSequenceItem(model: ComposeModel, seq: YamlSequence, item: YamlValue): TextEdit | null {
  if (seq.origin || item.origin || seq.items.length < 2) return null;
  const position = seq.items.indexOf(item);
  if (position < 0) return null;
  if (errorOnLines(model, seq.flow ? seq.range.start.line : item.range.start.line, seq.flow ? seq.range.end.line : lastLineOf(model.index, item.span) + 1)) return null;
  if (!seq.flow) {
    const line = item.range.start.line;
    const before = model.index.lineText(line).slice(0, item.range.start.character);
    if (!/^\s*-\s*$/.test(before)) return null;
    return removeLines(model, line, lastLineOf(model.index, item.span));
  }
  if (position < seq.items.length - 1) {
    const next = seq.items[position + 1];
    return { range: rangeAt(model, item.span.start, next.span.start), newText: '' };
  }
  const previous = seq.items[position - 1];
  return { range: rangeAt(model, previous.span.end, item.span.end), newText: '' };
}

/** The way the sequence's existing strings are quoted. */
function itemStyle(seq: YamlSequence): string {
  const scalar = seq.items.find((item) => item.type === 'scalar');
  return scalar?.type === 'scalar' ? scalar.style : 'PLAIN';
}

const PLAIN_SAFE = /^([A-Za-z0-9_./]|-(?=[^\s-]))[^#,[\]{}]*$/;

/** A string written in the given scalar style (plain only where it stays a plain string). */
export function quoteLike(value: string, style: string, flow = false): string {
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  const safe = PLAIN_SAFE.test(value) && !/:\s|\s#|:$|\s$/.test(value) && !(flow && /[,[\]{}]/.test(value)) && !/^(true|false|null|yes|no|on|off|~|[-+]?[0-9.]+)$/i.test(value);
  return safe ? value : JSON.stringify(value);
}

/** Appends a string to a sequence in its own style: `, "x"` before `]`, or a `- x` line under the last item. */
export function appendToSequence(model: ComposeModel, seq: YamlSequence, value: string): TextEdit | null {
  if (seq.origin) return null;
  if (errorOnLines(model, seq.range.start.line, lastLineOf(model.index, seq.span) + 1)) return null;
  const style = itemStyle(seq);
  if (seq.flow) {
    const closing = model.text.lastIndexOf(']', seq.span.end);
    if (closing < seq.span.start) return null;
    if (seq.items.length === 0) return { range: rangeAt(model, closing), newText: quoteLike(value, style, true) };
    const last = seq.items[seq.items.length - 1];
    return { range: rangeAt(model, last.span.end), newText: ', ' + quoteLike(value, style, true) };
  }
  const last = seq.items[seq.items.length - 1];
  if (!last) return null;
  const before = model.index.lineText(last.range.start.line).slice(0, last.range.start.character);
  const dash = before.lastIndexOf('-');
  if (dash < 0 || before.slice(0, dash).trim() !== '') return null;
  // The edit rewrites the last item's lines (unchanged) plus the new one, so a fix that removes or
  // changes that item in the same pass overlaps it and waits for the next pass.
  const line = lastLineOf(model.index, last.span);
  const end = { line, character: model.index.lineText(line).length };
  const start = last.range.start;
  const kept = model.text.slice(last.span.start, model.index.offsetAt(end));
  return { range: { start, end }, newText: kept + model.index.eol() + before.slice(0, dash) + '- ' + quoteLike(value, style) };
}

/**
 * Replaces a scalar's text, keeping its quoting; `typed` writes a plain scalar as is (for a
 * boolean or number that must stay one).
 */
export function replaceScalar(model: ComposeModel, value: YamlValue, text: string, typed = false): TextEdit | null {
  if (value.type !== 'scalar' || value.origin || !isScalar(value.node)) return null;
  if (value.style === 'BLOCK_LITERAL' || value.style === 'BLOCK_FOLDED') return null;
  if (errorOnLines(model, value.range.start.line, value.range.end.line)) return null;
  return { range: value.range, newText: typed && value.style === 'PLAIN' ? text : quoteLike(text, value.style) };
}

/** The edit that inserts text at an offset; null when a YAML error lies on its line. */
export function insertAt(model: ComposeModel, offset: number, text: string): TextEdit | null {
  const line = model.index.positionAt(offset).line;
  if (errorOnLines(model, line, line)) return null;
  return { range: rangeAt(model, offset), newText: text };
}
