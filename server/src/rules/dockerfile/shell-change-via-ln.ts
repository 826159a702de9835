import { defineRule } from '../../engine/rule';
import { allCommands, runInstructions } from '../../dockerfile/package-commands';
import { baseCommandName } from '../../dockerfile/shell-words';

export const shellChangeViaLn = defineRule({
  id: 'shell-change-via-ln',
  aliases: ['DL4005'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'A RUN replaces /bin/sh with a link (`ln -sf /bin/bash /bin/sh`) to change the shell.',
    why: 'Relinking /bin/sh changes the shell of every script in the image, including the distribution\'s own maintainer scripts that expect dash or BusyBox, and the change is invisible to readers of later RUN lines. The SHELL instruction changes the shell of the Dockerfile\'s RUN steps only.',
    bad: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]',
    notes: 'Only links that overwrite (`ln -f`, `ln -sf`) are reported; `ln -s /busybox/sh /bin/sh` in an image without a shell creates one and is fine.',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      const script = run.script;
      if (!script) continue;
      for (const { command } of allCommands(script)) {
        if (baseCommandName(command) !== 'ln') continue;
        const operands = command.words.slice(command.nameIndex + 1).filter((w) => !w.value.startsWith('-'));
        const target = operands[operands.length - 1];
        if (!target || operands.length < 2 || !/^\/(usr\/)?bin\/sh$/.test(target.value)) continue;
        const args = command.words.slice(command.nameIndex + 1).map((w) => w.value);
        if (!args.some((a) => a === '--force' || /^-[A-Za-z]*f[A-Za-z]*$/.test(a))) continue; // without -f, ln only creates a missing /bin/sh
        report({ range: script.rangeOf(target.start, target.end), message: `ln replaces ${target.value}: use the SHELL instruction to change the shell of RUN steps` });
      }
    }
  },
});
