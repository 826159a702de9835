import { defineRule } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';

export const consecutiveRun = defineRule({
  id: 'consecutive-run',
  aliases: ['DL3059'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'Short RUN instructions follow each other and could be one.',
    why: 'Each RUN makes a layer: files a later RUN deletes stay in the earlier layer, and many small layers make pulls slower. Joining related short steps with `&&` keeps the image smaller.',
    bad: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    notes:
      'As in hadolint: only RUNs with the same flags (`--mount`, `--network`) that follow each other directly (comments between do not count), and only when each has at most two commands; longer scripts are taken as split on purpose.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      let previous: Instruction | null = null;
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'RUN') {
          previous = null;
          continue;
        }
        if (previous && sameFlags(previous, instruction) && commandCount(previous) <= 2 && commandCount(instruction) <= 2) {
          report({ range: instruction.keywordRange, message: `RUN directly after the RUN on line ${previous.range.start.line + 1}: consider joining them into one layer` });
        }
        previous = instruction;
      }
    }
  },
});

function sameFlags(a: Instruction, b: Instruction): boolean {
  const key = (i: Instruction) => i.flags.map((f) => `${f.name.toLowerCase()}=${f.value ?? ''}`).sort().join('\n');
  return key(a) === key(b);
}

function commandCount(instruction: Instruction): number {
  if (!instruction.script) return instruction.json ? 1 : 0;
  return instruction.script.commands.filter((c) => c.nameIndex >= 0).length;
}
