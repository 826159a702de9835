import { allCommands, runInstructions } from '../../dockerfile/package-commands';
import { baseCommandName } from '../../dockerfile/shell-words';
import { defineRule } from '../../engine/rule';

export const chpasswdInRun = defineRule({
  id: 'chpasswd-in-run',
  aliases: ['CKV2_DOCKER_17'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'A RUN sets or removes a password with chpasswd.',
    why: 'A password set while building is the same in every container of the image and stays readable in the image history (`docker history` shows the RUN line, and a plaintext `user:password` with it). Containers should not log users in with passwords at all; where a login is needed, give it at run time (a secret, an orchestrator-provided credential).',
    bad: 'FROM debian:12\nRUN useradd app && echo "app:changeme" | chpasswd\nUSER app',
    good: 'FROM debian:12\nRUN useradd --no-log-init app\nUSER app',
    notes: 'Every chpasswd call is reported, `-e` (already hashed) included: a hash in the history can be cracked offline, and the password is still shared by every container.',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      const script = run.script;
      if (!script) continue;
      for (const { command } of allCommands(script)) {
        if (baseCommandName(command) !== 'chpasswd') continue;
        const word = command.words[command.nameIndex];
        report({ range: script.rangeOf(word.start, word.end), message: 'chpasswd sets a password in the image: every container shares it, and the image history keeps it' });
      }
    }
  },
});
