/**
 * Shared pieces of the package-manager rules of the hadolint parity section: walking the
 * invocations of one manager across RUN instructions, reporting unpinned packages, missing
 * non-interactive switches and missing cache cleanups, with the fixes they share.
 */
import type { Instruction } from './instruction';
import type { DockerfileModel } from './model';
import {
  allCommands,
  findInvocations,
  hasCacheMountCovering,
  insertAfterWord,
  readsPipe,
  removesPath,
  runInstructions,
  type FindOptions,
  type ManagerMatcher,
  type PackageInvocation,
} from './package-commands';
import { scriptEndsOpen, type ShellWord } from './shell-words';
import type { SourceText } from './source-text';
import type { Report } from '../engine/rule';
import type { TextEdit } from '../engine/text';

export interface RunInvocation {
  run: Instruction;
  script: SourceText;
  inv: PackageInvocation;
}

/** Invocations of `manager` (with one of `subcommands`) in every RUN, ONBUILD RUN included. */
export function invocationsIn(
  model: DockerfileModel,
  manager: ManagerMatcher,
  subcommands: readonly string[] | null,
  options: FindOptions = {},
): RunInvocation[] {
  const out: RunInvocation[] = [];
  for (const run of runInstructions(model.instructions)) {
    const script = run.script;
    if (!script) continue;
    for (const inv of findInvocations(script, manager, subcommands, options)) out.push({ run, script, inv });
  }
  return out;
}

/** True when a word's value depends on the shell (a variable, a command substitution, a glob) and cannot be judged. */
export function isDynamic(word: ShellWord): boolean {
  return /[$`*?]/.test(word.value);
}

/** The command line as written, for messages: `apt-get install`, `python -m pip install`. */
export function invocationLabel(inv: PackageInvocation): string {
  const program = inv.module ? `${baseName(inv.program.value)} -m ${inv.module.value}` : inv.manager;
  return inv.subcommand ? `${program} ${inv.subcommand.value}` : program;
}

function baseName(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}

export interface PinCheck {
  manager: ManagerMatcher;
  subcommands: readonly string[];
  options?: FindOptions;
  /** Skip a whole invocation (a constraints file, a module subcommand…). */
  skipInvocation?(inv: PackageInvocation): boolean;
  /** True when the operand pins a version or is not a registry package (a path, a URL, a local file). */
  pinned(value: string, inv: PackageInvocation): boolean;
  /** The package's name, without a version part that does not pin (`gopls@latest` → `gopls`). */
  name?(value: string): string;
  /** How a pinned spelling looks (`curl=<version>`). */
  example(name: string): string;
}

/** Reports every unpinned package operand of the matched invocations. */
export function reportUnpinned(model: DockerfileModel, report: (r: Report) => void, check: PinCheck): void {
  for (const { script, inv } of invocationsIn(model, check.manager, check.subcommands, check.options)) {
    if (check.skipInvocation?.(inv)) continue;
    for (const word of inv.packages) {
      if (isDynamic(word) || word.value === '' || check.pinned(word.value, inv)) continue;
      const name = check.name ? check.name(word.value) : word.value;
      report({
        range: script.rangeOf(word.start, word.end),
        message: `"${name}" is not pinned: use ${check.example(name)} in ${invocationLabel(inv)}`,
      });
    }
  }
}

export interface YesCheck {
  manager: ManagerMatcher;
  subcommands: readonly string[];
  /** True when the invocation already answers prompts (its own flags, global flags, a pipe from `yes`). */
  answers(inv: PackageInvocation): boolean;
}

/** Reports invocations that would wait for a confirmation; the fix adds ` -y` after the subcommand. */
export function reportMissingYes(model: DockerfileModel, report: (r: Report) => void, check: YesCheck): void {
  for (const { script, inv } of invocationsIn(model, check.manager, check.subcommands)) {
    if (check.answers(inv) || readsPipe(inv)) continue;
    const sub = inv.subcommand!;
    const label = invocationLabel(inv);
    report({
      range: script.rangeOf(inv.program.start, sub.end),
      message: `\`${label}\` without -y: the build cannot answer the confirmation prompt and aborts`,
      fixes: [{ title: `Add -y to ${label}`, isPreferred: true, edits: [insertAfterWord(script, sub, ' -y')] }],
    });
  }
}

export interface CleanCheck {
  manager: ManagerMatcher;
  installSubcommands: readonly string[];
  /** True when the command (anywhere in the script) cleans the cache. */
  cleans(script: SourceText): number[];
  /** Cache folders: a cache mount over one of them, or `rm -rf` of one, makes the clean unnecessary. */
  cacheDirs: readonly string[];
  /** The command the fix appends (`yum clean all`). */
  cleanCommand: string;
}

/** Reports installs not followed by a cache clean in the same RUN; the fix appends the clean command. */
export function reportMissingClean(model: DockerfileModel, report: (r: Report) => void, check: CleanCheck): void {
  for (const run of runInstructions(model.instructions)) {
    const script = run.script;
    if (!script) continue;
    const installs = findInvocations(script, check.manager, check.installSubcommands);
    if (installs.length === 0) continue;
    if (check.cacheDirs.some((dir) => hasCacheMountCovering(run, dir) || removesPath(script, dir))) continue;
    const cleanOrders = check.cleans(script);
    const last = installs[installs.length - 1];
    if (cleanOrders.some((order) => order > last.order)) continue;
    const label = invocationLabel(last);
    const edit = appendToScript(run, script, check.cleanCommand, model.index.eol());
    report({
      range: script.rangeOf(last.program.start, last.subcommand!.end),
      message: `\`${label}\` without \`${check.cleanCommand}\` in the same RUN: the package cache stays in the layer`,
      fixes: edit ? [{ title: `Append ${check.cleanCommand}`, isPreferred: true, edits: [edit] }] : [],
    });
  }
}

/** Orders (in `allCommands`) of the commands of `script` that `test` accepts. */
export function commandOrders(script: SourceText, test: (words: string[]) => boolean): number[] {
  const out: number[] = [];
  allCommands(script).forEach(({ command }, order) => {
    if (command.nameIndex < 0) return;
    const words = command.words.slice(command.nameIndex).map((w) => w.value);
    words[0] = baseName(words[0]);
    if (test(words)) out.push(order);
  });
  return out;
}

/**
 * An edit running `command` after everything else the RUN does: ` && command` in shell form, a new
 * line in a heredoc. Null when the script ends inside a quote or a continuation, which would take
 * the command in as an argument.
 */
export function appendToScript(run: Instruction, script: SourceText, command: string, eol = '\n'): TextEdit | null {
  if (scriptEndsOpen(script.text)) return null;
  const commands = script.commands;
  const lastEnd = commands.length > 0 ? commands[commands.length - 1].end : script.text.trimEnd().length;
  const at = script.rangeOf(lastEnd - 1, lastEnd).end;
  const heredoc = run.heredocs.length > 0 && script.text !== run.argsText?.text;
  // In a heredoc, the new line must come before the terminator line.
  if (heredoc && at.line >= run.range.end.line) return null;
  return { range: { start: at, end: at }, newText: heredoc ? `${eol}${command}` : ` && ${command}` };
}

/**
 * The source and destination words of COPY/ADD: the exec-form strings, or the shell-form words up to
 * the line of the first heredoc marker (`COPY <<EOF /dest`), so heredoc bodies are never read as paths.
 */
export function copyOperands(instruction: Instruction): { value: string; range: import('../engine/text').Range }[] {
  if (instruction.json) return instruction.json;
  const marker = instruction.args.find((a) => a.value.startsWith('<<'));
  return marker ? instruction.args.filter((a) => a.range.start.line <= marker.range.start.line) : instruction.args;
}
