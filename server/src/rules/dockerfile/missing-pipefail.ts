import { defineRule } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';
import { imageFamily, isWindowsImage, rootImage, toolAvailability } from '../../dockerfile/image-contents';
import { instructionsBefore } from '../../dockerfile/package-commands';
import { lineAboveComments } from '../../dockerfile/model';
import type { ShellCommand } from '../../dockerfile/shell-words';
import type { Fix } from '../../engine/types';

const NON_POSIX = /^(pwsh|powershell|cmd)(\.exe)?$/i;
const PIPEFAIL_SHELLS = /^(bash|zsh|ash|ksh|mksh)$/;

export const missingPipefail = defineRule({
  id: 'missing-pipefail',
  aliases: ['DL4006', 'AVD-DS-0032'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'A RUN pipes commands (`curl … | sh`) without `pipefail`, so a failure before the `|` is ignored.',
    why: 'A pipeline\'s status is that of its last command: when `curl` fails, `curl … | tar x` or `curl … | sh` still succeeds, and the image is built without the download, or with half of it. `set -o pipefail` makes the failure stop the build.',
    bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | bash',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | bash',
    notes:
      'A SHELL with `-o pipefail` earlier in the stage (or a stage it builds on), a `set -o pipefail` in the RUN before the pipe, and non-POSIX shells (PowerShell, cmd) count. A pipe whose status is tested (`if head -1 .git | grep -q gitdir; then`, `! { ldd x.so | grep "not found"; }`) is not reported: there the status answers a question rather than reports an error, and pipefail would change the answer. A pipe fed by `echo`, `printf` or `yes` (`echo "$SHA256 *file.tgz" | sha256sum -c -`) is not reported: those cannot fail, so the last command already decides (and `yes`, stopped by the closed pipe, would fail under pipefail). The fix adds `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the first such RUN of the stage when the image has bash, or `/bin/ash` on Alpine and BusyBox; for other images there is no automatic fix. The SHELL goes above the comments over the RUN, so a pragma there still applies to the RUN.',
  },
  check({ model, report }) {
    const eol = model.index.eol();
    for (const stage of model.stages) {
      if (isWindowsImage(stage)) continue;
      let fixEdit: Fix | null | undefined;
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN' || !run.script) continue;
        // The pipe first: reading the SHELLs before the RUN costs the length of the stage.
        const commands = run.script.commands;
        // `echo "$SUM *file" | sha256sum -c -`: echo and printf cannot fail, the last command decides.
        const pipe = commands.findIndex((c, i) => c.separatorAfter === '|' && !cannotFail(c) && !statusIsTested(commands, i));
        if (pipe < 0) continue;
        const before = instructionsBefore(stage, run);
        const shells = before.filter((i) => i.keyword === 'SHELL' && i.json);
        const shell = shells[shells.length - 1];
        if (shell && shellIsSafe(shell)) continue;
        if (commands.slice(0, pipe + 1).some(setsPipefail)) continue;
        if (fixEdit === undefined) fixEdit = shellFix(model.index.lineText(run.range.start.line), lineAboveComments(model, run), stage, eol);
        const pipeCommand = commands[pipe];
        const next = commands[pipe + 1];
        report({
          range: run.script.rangeOf(pipeCommand.nameIndex >= 0 ? pipeCommand.words[pipeCommand.nameIndex].start : pipeCommand.start, next ? next.end : pipeCommand.end),
          message: `Pipe without pipefail: if ${pipeCommand.nameIndex >= 0 ? pipeCommand.words[pipeCommand.nameIndex].value : 'the command before |'} fails, the RUN still succeeds`,
          fixes: fixEdit ? [fixEdit] : [],
        });
      }
    }
  },
});

/**
 * Commands that print and cannot fail in a way a build should stop on. `yes` ends by SIGPIPE when the
 * reader is done: with pipefail, `yes | apt-get install …` would fail for that.
 */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', ':', 'yes']);

function cannotFail(command: ShellCommand): boolean {
  return command.nameIndex >= 0 && CANNOT_FAIL.has(command.words[command.nameIndex].value);
}

const CONDITION_KEYWORDS = new Set(['if', 'elif', 'while', 'until']);

/** The words before the program: reserved words (`if`, `!`, `{`…), assignments and wrappers. */
function leadingWords(command: ShellCommand): string[] {
  return command.words.slice(0, command.nameIndex >= 0 ? command.nameIndex : command.words.length).map((w) => w.value);
}

/**
 * The pipeline of `commands[index]` is negated (`! a | b`) or is a condition (`if a | grep -q b; then`):
 * its status answers a question (does grep match?), and pipefail would change the answer, not stop a failed build.
 */
function statusIsTested(commands: readonly ShellCommand[], index: number): boolean {
  let first = index;
  while (first > 0 && commands[first].separatorBefore === '|') first--;
  if (leadingWords(commands[first]).includes('!')) return true;
  while (first > 0 && ['&&', '||', '|'].includes(commands[first].separatorBefore)) first--;
  return leadingWords(commands[first]).some((word) => CONDITION_KEYWORDS.has(word));
}

function shellIsSafe(shell: Instruction): boolean {
  const words = shell.json!.map((w) => w.value);
  if (words.length === 0) return false;
  const program = words[0].replace(/^.*[\\/]/, '');
  if (NON_POSIX.test(program)) return true;
  if (!PIPEFAIL_SHELLS.test(program)) return false;
  return words.some((w, i) => (w === '-o' || /^-[a-zA-Z]*o$/.test(w)) && words[i + 1] === 'pipefail');
}

function setsPipefail(command: ShellCommand): boolean {
  if (command.nameIndex < 0) return false;
  const words = command.words.slice(command.nameIndex).map((w) => w.value);
  if (words[0] !== 'set') return false;
  return words.some((w, i) => (w === '-o' || /^-[a-zA-Z]*o$/.test(w)) && words[i + 1] === 'pipefail');
}

function shellFix(lineText: string, line: number, stage: import('../../dockerfile/model').Stage, eol: string): Fix | null {
  const family = imageFamily(rootImage(stage));
  let shell: string | null = null;
  if (toolAvailability(stage, 'bash').present === true) shell = '/bin/bash';
  else if (family === 'alpine' || family === 'busybox') shell = '/bin/ash';
  if (!shell) return null;
  const indent = /^\s*/.exec(lineText)![0];
  const at = { line, character: 0 };
  return {
    title: `Add SHELL ["${shell}", "-o", "pipefail", "-c"] before this RUN`,
    isPreferred: true,
    edits: [{ range: { start: at, end: at }, newText: `${indent}SHELL ["${shell}", "-o", "pipefail", "-c"]${eol}` }],
  };
}
