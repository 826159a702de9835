/**
 * Where a fix adds instructions to a Dockerfile: right after an instruction, or into a stage (before
 * its CMD/ENTRYPOINT and the comments over it, else after its last instruction). A line added after
 * an instruction that never ends — an unterminated heredoc, or a last line ending in the escape
 * character with nothing after it — is read as part of that instruction, so there is no edit for
 * such a spot: the fix is not offered rather than offered and doing nothing.
 */
import { LineIndex, type TextEdit } from '../engine/text';
import { scanChunks } from './chunks';
import type { Instruction } from './instruction';
import { lineAboveComments, type DockerfileModel, type Stage } from './model';

const PROBE = 'LABEL shipshape.probe=1';

/**
 * True when a line added right after `instruction` would be read as part of it: its heredoc is not
 * terminated, or its last line continues (ends with the escape character) into the end of the file.
 * Decided by the same chunk scanner the parser uses, on the instruction's lines followed by a probe.
 */
export function swallowsNextLine(model: DockerfileModel, instruction: Instruction): boolean {
  const lines: string[] = model.escape === '`' ? ['# escape=`'] : [];
  for (let line = instruction.range.start.line; line <= instruction.range.end.line && line < model.index.lineCount; line++) lines.push(model.index.lineText(line));
  lines.push(PROBE);
  const chunks = scanChunks(new LineIndex(lines.join('\n'))).chunks;
  return chunks.length === 0 || chunks[chunks.length - 1].text !== PROBE;
}

/** Inserts whole lines after `instruction` (each prefixed with `indent`); null when the instruction would swallow them. */
export function insertAfterInstruction(model: DockerfileModel, instruction: Instruction, lines: readonly string[], indent = ''): TextEdit | null {
  if (swallowsNextLine(model, instruction)) return null;
  const eol = model.index.eol();
  const end = instruction.range.end;
  return { range: { start: end, end }, newText: lines.map((line) => eol + indent + line).join('') };
}

export interface StageInsertOptions {
  /** Indent the new lines like the line they go before (or the last instruction's first line). */
  keepIndent?: boolean;
}

/**
 * Inserts whole lines into a stage: before its first CMD/ENTRYPOINT (above the comments over it),
 * else after its last instruction. Null when the stage ends in an instruction that would swallow them.
 */
export function insertIntoStage(model: DockerfileModel, stage: Stage, lines: readonly string[], options: StageInsertOptions = {}): TextEdit | null {
  const indentOf = (line: number) => (options.keepIndent ? /^[ \t]*/.exec(model.index.lineText(line))![0] : '');
  const anchor = stage.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (anchor) {
    const line = lineAboveComments(model, anchor);
    const indent = indentOf(line);
    const at = { line, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((l) => indent + l + model.index.eol()).join('') };
  }
  const last = stage.instructions.length > 0 ? stage.instructions[stage.instructions.length - 1] : stage.from;
  return insertAfterInstruction(model, last, lines, indentOf(last.range.start.line));
}
