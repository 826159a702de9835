/**
 * One Dockerfile instruction as the rules see it, read from a single chunk with dockerfile-ast.
 * Everything here depends only on the chunk's text, so it is cached by that text and moved to a
 * new line with `shiftInstruction` when lines are added or removed above it.
 */
import { DockerfileParser, type Instruction as AstInstruction, type Flag as AstFlag, type Property as AstProperty } from 'dockerfile-ast';
import type { Position, Range } from '../engine/text';
import { shiftRange } from '../engine/text';
import { endsWithEscape, isBlankLine, isCommentLine } from './chunks';
import { parseShell } from './shell-words';
import { SourceText } from './source-text';

export interface Word {
  value: string;
  range: Range;
}

export interface InstructionFlag {
  name: string;
  value: string | null;
  range: Range;
  nameRange: Range;
  valueRange: Range | null;
}

/** A `name=value` (or legacy `name value`) pair of ENV, ARG or LABEL. */
export interface KeyValue {
  name: string;
  nameRange: Range;
  /** The value with quotes and escapes removed; null when none was given (`ARG NAME`). */
  value: string | null;
  valueRange: Range | null;
  range: Range;
  /** False for the legacy `ENV NAME value` form. */
  hasEquals: boolean;
}

export interface Heredoc {
  name: string;
  content: string;
  contentRange: Range | null;
}

/** A comment line inside an instruction's continuation. */
export interface InnerComment {
  line: number;
  text: string;
}

export interface Instruction {
  /** Upper-case keyword (`RUN`), or the first word when it is not one. */
  keyword: string;
  /** The keyword as written (`run`). */
  keywordText: string;
  keywordRange: Range;
  range: Range;
  flags: InstructionFlag[];
  /** Arguments after the flags, as written (quotes kept), split at white space. */
  args: Word[];
  /** Exec-form (JSON array) arguments, decoded, each range covering the quoted string; null in shell form. */
  json: Word[] | null;
  /** True when the arguments start with `[` but are not a valid JSON array of strings. */
  malformedJson: boolean;
  /** The arguments after the flags with continuations and inner comments removed, mapped to the document. */
  argsText: SourceText | null;
  /** The shell script this instruction runs (shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD, or a RUN heredoc). */
  script: SourceText | null;
  heredocs: Heredoc[];
  /** ENV, ARG and LABEL pairs. */
  properties: KeyValue[];
  innerComments: InnerComment[];
  /** ONBUILD's trigger instruction. */
  trigger: Instruction | null;
}

const SCRIPT_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD', 'HEALTHCHECK']);
const HEREDOC_ONLY = /^<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1$/;
const SHELL_WITH_HEREDOC = /^(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|a)?sh(?:\s+-[a-z]+)*\s+<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1\s*$/;

/** Parses the text of one chunk (`lines[0]` is the instruction's first line, at chunk line 0). */
export function parseInstructionChunk(chunkText: string, escape: string): Instruction | null {
  try {
    return parseChunkText(chunkText, escape);
  } catch {
    // A parser failure on one odd chunk must not cost the whole file its diagnostics: the chunk is skipped.
    return null;
  }
}

function parseChunkText(chunkText: string, escape: string): Instruction | null {
  const prefix = escape === '`' ? '# escape=`\n' : '';
  // The chunk's lines are the line index's, which end at a lone \r too (as for the AST parser and
  // every LSP client), so the chunk text holds no \r.
  const lines = chunkText.split('\n');
  // BuildKit skips a comment line inside a continuation whole; dockerfile-ast reads an escape
  // character in it as escaping the next line's text (`COPY a b \` `#\e` `\e/` gave the word `e`),
  // so it gets those characters blanked (same offsets; the comments' text is read from `lines`).
  const parsed = lines.map((line, i) => (i > 0 && isCommentLine(line) && line.includes(escape) ? line.split(escape).join(' ') : line)).join('\n');
  const dockerfile = DockerfileParser.parse(prefix + parsed);
  const ast = dockerfile.getInstructions()[0];
  if (!ast) return null;
  const delta = prefix ? -1 : 0;
  return convert(ast, lines, escape, delta);
}

function convert(ast: AstInstruction, lines: string[], escape: string, delta: number): Instruction {
  const keywordText = ast.getInstruction();
  const keyword = keywordText.toUpperCase();
  const shift = (r: Range): Range => shiftRange(r, delta);
  const flags = 'getFlags' in ast && typeof (ast as { getFlags?: unknown }).getFlags === 'function'
    ? ((ast as unknown as { getFlags(): AstFlag[] }).getFlags()).map((flag) => convertFlag(flag, shift))
    : [];
  const range = shift(ast.getRange());
  const innerComments: InnerComment[] = [];
  for (let line = range.start.line + 1; line <= range.end.line && line < lines.length; line++) {
    if (isCommentLine(lines[line])) innerComments.push({ line, text: lines[line] });
  }
  // A comment line inside a continuation holds no arguments (dockerfile-ast reads `#\g` as one).
  const commentLines = new Set(innerComments.map((c) => c.line));
  const args = ast.getArguments().map((arg) => ({ value: arg.getValue(), range: shift(arg.getRange()) })).filter((arg) => !commentLines.has(arg.range.start.line));
  const instruction: Instruction = {
    keyword,
    keywordText,
    keywordRange: shift(ast.getInstructionRange()),
    range,
    flags,
    args,
    json: null,
    malformedJson: false,
    argsText: null,
    script: null,
    heredocs: [],
    properties: [],
    innerComments,
    trigger: null,
  };

  if (keyword === 'ENV' || keyword === 'LABEL' || keyword === 'ARG') {
    const props: AstProperty[] = keyword === 'ARG'
      ? [(ast as unknown as { getProperty(): AstProperty | null }).getProperty()].filter((p): p is AstProperty => p !== null)
      : (ast as unknown as { getProperties(): AstProperty[] }).getProperties();
    instruction.properties = props.map((prop) => {
      const valueRange = prop.getValueRange();
      return {
        name: prop.getName(),
        nameRange: shift(prop.getNameRange()),
        value: prop.getValue(),
        valueRange: valueRange ? shift(valueRange) : null,
        range: shift(prop.getRange()),
        hasEquals: prop.getAssignmentOperator() === '=',
      };
    });
    // `ARG A=1 B=2` declares several; the parser reads only a lone one.
    if (keyword === 'ARG' && args.length > 1) instruction.properties = argDeclarations(joinContinuation(lines, args[0].range.start, escape));
  }

  if ('getHeredocs' in ast && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) {
    let heredocs: import('dockerfile-ast').Heredoc[] = [];
    try {
      heredocs = (ast as unknown as { getHeredocs(): import('dockerfile-ast').Heredoc[] }).getHeredocs();
    } catch {
      // dockerfile-ast throws on a comment ending in the escape character inside a continuation
      // (`RUN \` then `#\x`): such an instruction has no heredoc we could read.
    }
    instruction.heredocs = heredocs.map((heredoc) => {
      const contentRange = heredoc.getContentRange();
      return {
        name: heredoc.getName(),
        content: contentRange ? sliceLines(lines, shift(contentRange)) : '',
        contentRange: contentRange ? shift(contentRange) : null,
      };
    });
    // Heredoc bodies are data, not arguments: keep only the words on the instruction's own lines.
    const bodyStarts = heredocs
      .map((heredoc) => heredoc.getContentRange()?.start.line ?? heredoc.getDelimiterRange()?.start.line)
      .filter((line): line is number => line !== undefined)
      .map((line) => line + delta);
    if (bodyStarts.length > 0) {
      const firstBodyLine = Math.min(...bodyStarts);
      instruction.args = instruction.args.filter((arg) => arg.range.start.line < firstBodyLine);
    }
  }

  if (keyword === 'ONBUILD') {
    const trigger = (ast as unknown as { getTriggerInstruction(): AstInstruction | null }).getTriggerInstruction();
    if (trigger) instruction.trigger = convert(trigger, lines, escape, delta);
  }

  let argsStart: Position | null = args.length > 0 ? args[0].range.start : null;
  if (keyword === 'HEALTHCHECK') {
    // The command starts after the CMD sub-command.
    const cmdIndex = args.findIndex((arg) => arg.value.toUpperCase() === 'CMD');
    argsStart = cmdIndex >= 0 && cmdIndex + 1 < args.length ? args[cmdIndex + 1].range.start : null;
  }
  if (argsStart && JSON_KEYWORDS.has(keyword)) {
    const argsText = joinContinuation(lines, argsStart, escape);
    instruction.argsText = argsText;
    const trimmed = argsText.text.trim();
    if (trimmed.startsWith('[')) {
      const json = readJsonArray(argsText);
      if (json) instruction.json = json;
      else instruction.malformedJson = trimmed.endsWith(']') || keyword !== 'RUN';
    }
    if (!instruction.json && (SCRIPT_KEYWORDS.has(keyword) || keyword === 'HEALTHCHECK')) {
      instruction.script = heredocScript(instruction, lines, argsText) ?? argsText;
    }
  }
  return instruction;
}

/** The `NAME` and `NAME=value` words of an ARG, read with shell quoting (`B="2 3"` is one word). */
function argDeclarations(text: SourceText): KeyValue[] {
  return parseShell(text.text).flatMap((command) => command.words).map((word) => {
    const range = text.rangeOf(word.start, word.end);
    const equals = word.value.indexOf('=');
    if (equals < 0) return { name: word.value, nameRange: range, value: null, valueRange: null, range, hasEquals: false };
    const rawEquals = text.text.indexOf('=', word.start);
    return {
      name: word.value.slice(0, equals),
      nameRange: text.rangeOf(word.start, rawEquals),
      value: word.value.slice(equals + 1),
      valueRange: text.rangeOf(rawEquals + 1, word.end),
      range,
      hasEquals: true,
    };
  });
}

function convertFlag(flag: AstFlag, shift: (r: Range) => Range): InstructionFlag {
  const valueRange = flag.getValueRange();
  return {
    name: flag.getName(),
    value: flag.getValue(),
    range: shift(flag.getRange()),
    nameRange: shift(flag.getNameRange()),
    valueRange: valueRange ? shift(valueRange) : null,
  };
}

function sliceLines(lines: string[], r: Range): string {
  const out: string[] = [];
  for (let line = r.start.line; line <= r.end.line && line < lines.length; line++) {
    const text = lines[line];
    const from = line === r.start.line ? r.start.character : 0;
    const to = line === r.end.line ? r.end.character : text.length;
    out.push(text.slice(from, to));
  }
  return out.join('\n');
}

/** The text from `start` to the end of the logical line: escapes at line ends and inner comment lines removed. */
function joinContinuation(lines: string[], start: Position, escape: string): SourceText {
  const parts: { text: string; line: number; character: number }[] = [];
  let end = { line: start.line, character: start.character };
  for (let line = start.line; line < lines.length; line++) {
    const text = lines[line];
    if (line > start.line && (isCommentLine(text) || isBlankLine(text))) continue;
    const from = line === start.line ? start.character : 0;
    const continues = endsWithEscape(text, escape) && line + 1 < lines.length;
    let to = text.length;
    if (continues) to = text.trimEnd().length - 1;
    parts.push({ text: text.slice(from, to), line, character: from });
    end = { line, character: to };
    if (!continues) break;
  }
  return SourceText.build(parts, end);
}

/** For `RUN <<EOF` (or `RUN bash <<EOF`), the heredoc body is the script. */
function heredocScript(instruction: Instruction, lines: string[], argsText: SourceText): SourceText | null {
  if (instruction.keyword !== 'RUN' || instruction.heredocs.length === 0) return null;
  const command = argsText.text.trim();
  const match = HEREDOC_ONLY.exec(command) ?? SHELL_WITH_HEREDOC.exec(command);
  if (!match) return null;
  const heredoc = instruction.heredocs.find((h) => h.name === match[2]) ?? instruction.heredocs[0];
  if (!heredoc.contentRange) return SourceText.build([], argsText.positionAt(argsText.text.length));
  const r = heredoc.contentRange;
  const parts: { text: string; line: number; character: number }[] = [];
  for (let line = r.start.line; line <= r.end.line && line < lines.length; line++) {
    const from = line === r.start.line ? r.start.character : 0;
    const to = line === r.end.line ? r.end.character : lines[line].length;
    parts.push({ text: lines[line].slice(from, to) + (line < r.end.line ? '\n' : ''), line, character: from });
  }
  // The parser's end can lie past the last line's text (an unterminated body ending in the escape character).
  const lastLine = Math.min(r.end.line, lines.length - 1);
  const end = lastLine === r.end.line ? { line: lastLine, character: Math.min(r.end.character, lines[lastLine].length) } : { line: lastLine, character: lines[lastLine].length };
  return SourceText.build(parts, end);
}

/** Reads `["a", "b"]` from the joined text; null unless it is a JSON array of strings. */
function readJsonArray(source: SourceText): Word[] | null {
  const text = source.text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) return null;
  const words: Word[] = [];
  const stringToken = /"(?:[^"\\]|\\.)*"/g;
  let index = 0;
  for (let match = stringToken.exec(text); match; match = stringToken.exec(text)) {
    words.push({ value: parsed[index++] as string, range: source.rangeOf(match.index, match.index + match[0].length) });
  }
  return words.length === parsed.length ? words : null;
}

/** The same instruction `delta` lines further down. */
export function shiftInstruction(instruction: Instruction, delta: number): Instruction {
  if (delta === 0) return instruction;
  const s = (r: Range) => shiftRange(r, delta);
  return {
    ...instruction,
    keywordRange: s(instruction.keywordRange),
    range: s(instruction.range),
    flags: instruction.flags.map((f) => ({ ...f, range: s(f.range), nameRange: s(f.nameRange), valueRange: f.valueRange ? s(f.valueRange) : null })),
    args: instruction.args.map((w) => ({ value: w.value, range: s(w.range) })),
    json: instruction.json ? instruction.json.map((w) => ({ value: w.value, range: s(w.range) })) : null,
    argsText: instruction.argsText ? instruction.argsText.shifted(delta) : null,
    script: instruction.script ? instruction.script.shifted(delta) : null,
    heredocs: instruction.heredocs.map((h) => ({ ...h, contentRange: h.contentRange ? s(h.contentRange) : null })),
    properties: instruction.properties.map((p) => ({
      ...p,
      nameRange: s(p.nameRange),
      valueRange: p.valueRange ? s(p.valueRange) : null,
      range: s(p.range),
    })),
    innerComments: instruction.innerComments.map((c) => ({ line: c.line + delta, text: c.text })),
    trigger: instruction.trigger ? shiftInstruction(instruction.trigger, delta) : null,
  };
}

/** The flag's value, or undefined when the instruction does not have that flag. */
export function flagValue(instruction: Instruction, name: string): string | null | undefined {
  const flag = instruction.flags.find((f) => f.name.toLowerCase() === name);
  return flag ? flag.value : undefined;
}
