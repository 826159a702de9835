import { defineRule } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';
import { chainInstructions, isWindowsImage } from '../../dockerfile/image-contents';
import { formatJsonArray, shellToExecForm, singleLine } from '../../dockerfile/exec-form';
import { commandName } from '../../dockerfile/shell-words';
import type { Fix } from '../../engine/types';

export const shellFormCmd = defineRule({
  id: 'shell-form-cmd',
  aliases: ['DL3025', 'JSONArgsRecommended', 'Not Using JSON In CMD And ENTRYPOINT Arguments'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'The final stage starts its program with a shell-form CMD or ENTRYPOINT, so /bin/sh is PID 1.',
    why:
      'Shell form runs `/bin/sh -c "…"`: the shell is PID 1 and does not pass SIGTERM on to your program, so `docker stop` waits out its timeout (10 s by default) and then kills it without a graceful shutdown. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.',
    bad: 'FROM node:22-slim\nCMD node server.js',
    good: 'FROM node:22-slim\nCMD ["node", "server.js"]',
    notes:
      'Only the CMD and ENTRYPOINT that take effect in the final stage are checked. Like BuildKit\'s JSONArgsRecommended, nothing is reported when the stage (or a stage it builds on) sets SHELL: the shell is then a deliberate choice. Windows images are skipped. The fix splits plain words into a JSON array; a command that needs a shell (pipes, `&&`, variables, redirects, globs) becomes `["sh", "-c", "… exec program …"]` so the program still replaces the shell; when `exec` cannot be placed (pipes, `||`), the `sh -c` conversion is offered but not applied by "Fix all".',
  },
  check({ model, report }) {
    const stage = model.finalStage;
    if (!stage || isWindowsImage(stage)) return;
    const instructions = chainInstructions(stage);
    if (instructions.some((i) => i.keyword === 'SHELL')) return;
    const entrypointIndex = lastIndex(instructions, 'ENTRYPOINT');
    const cmdIndex = lastIndex(instructions, 'CMD');
    const effective: Instruction[] = [];
    if (entrypointIndex >= 0) effective.push(instructions[entrypointIndex]);
    if (cmdIndex >= 0) {
      const cmd = instructions[cmdIndex];
      // An ENTRYPOINT in a later stage resets the CMD it inherits.
      const reset = entrypointIndex > cmdIndex && model.stageOf(instructions[entrypointIndex]) !== model.stageOf(cmd);
      if (!reset) effective.push(cmd);
    }
    for (const instruction of effective) {
      const script = instruction.script;
      if (instruction.json || instruction.malformedJson || !script) continue;
      const text = script.text;
      const start = text.length - text.trimStart().length;
      const end = text.trimEnd().length;
      if (end <= start) continue;
      const named = script.commands.filter((c) => c.nameIndex >= 0 && commandName(c) !== 'cd');
      const program = (named.length > 0 ? commandName(named[named.length - 1]) : '') || text.trim().split(/\s+/)[0];
      const extra = instruction.keyword === 'ENTRYPOINT' ? ', and CMD and `docker run` arguments are ignored' : '';
      report({
        range: script.rangeOf(start, end),
        message: `${instruction.keyword} in shell form runs under /bin/sh -c: ${program} does not receive SIGTERM and is killed after the stop timeout${extra}`,
        fixes: execFormFix(instruction),
      });
    }
  },
});

function lastIndex(instructions: Instruction[], keyword: string): number {
  for (let i = instructions.length - 1; i >= 0; i--) if (instructions[i].keyword === keyword) return i;
  return -1;
}

function execFormFix(instruction: Instruction): Fix[] {
  const argsText = instruction.argsText;
  if (!argsText || instruction.innerComments.length > 0) return [];
  const form = shellToExecForm(singleLine(argsText), { execLast: true });
  if (!form) return [];
  const json = formatJsonArray(form.elements);
  const range = argsText.rangeOf(0, argsText.text.trimEnd().length);
  return [
    {
      title: form.viaShell ? `Convert to exec form through sh -c${form.execAdded ? ' with exec' : ''}` : 'Convert to exec form',
      isPreferred: form.replacesShell,
      edits: [{ range, newText: json }],
    },
  ];
}
