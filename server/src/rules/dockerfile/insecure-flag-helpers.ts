/** Helpers for the rules that find TLS and signature checks turned off in RUN scripts. */
import type { Instruction } from '../../dockerfile/instruction';
import type { DockerfileModel } from '../../dockerfile/model';
import { allCommands, runInstructions } from '../../dockerfile/package-commands';
import { baseCommandName, type ShellCommand, type ShellWord } from '../../dockerfile/shell-words';
import type { SourceText } from '../../dockerfile/source-text';
import type { LineIndex, Range, TextEdit } from '../../engine/text';

export interface ScriptCommand {
  instruction: Instruction;
  script: SourceText;
  command: ShellCommand;
  /** The program's base name (`curl`), '' when none. */
  name: string;
  /** The words after the program. */
  args: ShellWord[];
}

/** Every simple command of every RUN (and ONBUILD RUN), `sh -c` strings included. */
export function scriptCommands(model: DockerfileModel): ScriptCommand[] {
  const out: ScriptCommand[] = [];
  for (const instruction of runInstructions(model.instructions)) {
    const script = instruction.script;
    if (!script) continue;
    for (const { command } of allCommands(script)) {
      out.push({ instruction, script, command, name: baseCommandName(command), args: command.nameIndex >= 0 ? command.words.slice(command.nameIndex + 1) : [] });
    }
  }
  return out;
}

export function wordRange(script: SourceText, word: ShellWord): Range {
  return script.rangeOf(word.start, word.end);
}

/**
 * An edit deleting words[from..to] (inclusive) of a command together with the white space that
 * separates them from their neighbour, staying on the words' own line.
 */
export function deleteWords(script: SourceText, words: readonly ShellWord[], from: number, to = from, index?: LineIndex): TextEdit {
  const first = words[from];
  const last = words[to];
  const firstRange = script.rangeOf(first.start, first.end);
  const lastRange = script.rangeOf(last.start, last.end);
  if (index && firstRange.start.line === lastRange.end.line) {
    // Words alone on a continuation line (`    -k \`): delete the whole line.
    const line = firstRange.start.line;
    const text = index.lineText(line);
    const rest = text.slice(0, firstRange.start.character) + text.slice(lastRange.end.character);
    if (/^\s*[\\`]?\s*$/.test(rest) && /[\\`]\s*$/.test(text) && line + 1 < index.lineCount) {
      return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
    }
  }
  const text = script.text;
  let start = first.start;
  let end = last.end;
  const sameLine = (a: number, b: number) => script.positionAt(a).line === script.positionAt(b).line;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if (after > end && sameLine(end, after) && after < text.length && text[after] !== '\n') {
    end = after;
  } else {
    let before = start;
    while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
    if (sameLine(before, start)) start = before;
  }
  return { range: script.rangeOf(start, end), newText: '' };
}

/** An edit removing one letter from a group of short options (`-fsSLk` → `-fsSL`). */
export function deleteShortOption(script: SourceText, word: ShellWord, letter: string): TextEdit | null {
  if (word.quoted || word.end - word.start !== word.value.length) return null;
  const at = word.value.indexOf(letter, 1);
  if (at < 0) return null;
  return { range: script.rangeOf(word.start + at, word.start + at + 1), newText: '' };
}
