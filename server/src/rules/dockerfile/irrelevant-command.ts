import { defineRule } from '../../engine/rule';
import { allCommands, runInstructions } from '../../dockerfile/package-commands';
import { baseCommandName } from '../../dockerfile/shell-words';

const IRRELEVANT = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim', 'ifconfig']);

export const irrelevantCommand = defineRule({
  id: 'irrelevant-command',
  aliases: ['DL3001'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'A RUN uses a command that makes no sense in an image build: ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.',
    why: 'A build step has no terminal, no init system and no long-running processes: interactive tools hang or do nothing, `service x start` starts a process that dies with the step, and inspecting processes or mounts describes the builder, not the image.',
    bad: 'FROM debian:12\nRUN service nginx start',
    good: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]',
    notes: 'Only commands that run are reported; installing the package (`apt-get install -y vim`) is not.',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      const script = run.script;
      if (!script) continue;
      for (const { command } of allCommands(script)) {
        const name = baseCommandName(command);
        if (!IRRELEVANT.has(name)) continue;
        const word = command.words[command.nameIndex];
        report({ range: script.rangeOf(word.start, word.end), message: `"${name}" makes no sense in a build step: there is no terminal, init system or running service` });
      }
    }
  },
});
