import { defineRule } from '../../engine/rule';
import { allCommands, hasAnyFlag, insertAfterWord, runInstructions } from '../../dockerfile/package-commands';
import { baseCommandName } from '../../dockerfile/shell-words';

export const useraddHighUidWithoutL = defineRule({
  id: 'useradd-high-uid-without-l',
  aliases: ['DL3046'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: '`useradd` with a large UID but without `-l` (`--no-log-init`).',
    why: 'useradd reserves space for the user in /var/log/lastlog and /var/log/faillog, files indexed by UID: a UID such as 1000000 creates a sparse file of hundreds of megabytes that the layer stores in full.',
    bad: 'FROM debian:12\nRUN useradd -u 1000000 app',
    good: 'FROM debian:12\nRUN useradd -l -u 1000000 app',
    notes: 'Reported for UIDs of more than five digits, as hadolint does. The fix adds `-l` after useradd.',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      const script = run.script;
      if (!script) continue;
      for (const { command } of allCommands(script)) {
        if (baseCommandName(command) !== 'useradd') continue;
        const args = command.words.slice(command.nameIndex + 1);
        if (hasAnyFlag(args, 'l', '--no-log-init')) continue;
        let uid: string | null = null;
        for (let i = 0; i < args.length; i++) {
          const v = args[i].value;
          if (v === '-u' || v === '--uid') uid = args[i + 1]?.value ?? null;
          else if (v.startsWith('--uid=')) uid = v.slice(6);
          else if (/^-u\d+$/.test(v)) uid = v.slice(2);
        }
        if (!uid || !/^\d{6,}$/.test(uid)) continue;
        const word = command.words[command.nameIndex];
        report({
          range: script.rangeOf(word.start, word.end),
          message: `useradd with UID ${uid} and without -l: the lastlog/faillog files grow to the size of the UID`,
          fixes: [{ title: 'Add -l (--no-log-init)', isPreferred: true, edits: [insertAfterWord(script, word, ' -l')] }],
        });
      }
    }
  },
});
