import { defineRule } from '../../engine/rule';
import { allCommands, runInstructions } from '../../dockerfile/package-commands';
import { baseCommandName } from '../../dockerfile/shell-words';

export const cdInsteadOfWorkdir = defineRule({
  id: 'cd-instead-of-workdir',
  aliases: ['DL3003', 'AVD-DS-0013'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'A RUN changes directory with `cd`; WORKDIR says it once for the following instructions.',
    why: 'A `cd` lasts for one RUN only, so later instructions silently run elsewhere, and long `cd a && … && cd ../b` chains are hard to follow. WORKDIR is explicit and also applies to COPY, CMD and the running container.',
    bad: 'FROM node:22-slim\nRUN cd /app && npm ci',
    good: 'FROM node:22-slim\nWORKDIR /app\nRUN npm ci',
    notes: 'Info rather than hadolint\'s warning: `cd` inside one RUN is harmless for the image, it is a matter of readability. There is no fix: moving the `cd` out changes where the rest of the script runs.',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      const script = run.script;
      if (!script) continue;
      for (const { command } of allCommands(script)) {
        if (baseCommandName(command) !== 'cd') continue;
        const word = command.words[command.nameIndex];
        const target = command.words[command.nameIndex + 1]?.value;
        report({
          range: script.rangeOf(word.start, word.end),
          message: target ? `cd ${target} in a RUN: use WORKDIR ${target.startsWith('/') ? target : '<absolute path>'} to change directory` : 'cd in a RUN: use WORKDIR to change directory',
        });
      }
    }
  },
});
