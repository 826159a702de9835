import { defineRule } from '../../engine/rule';
import { findInvocations, hasAnyFlag, insertAfterWord, readsPipe, runInstructions } from '../../dockerfile/package-commands';
import type { ShellWord } from '../../dockerfile/shell-words';

/** Subcommands that ask "Do you want to continue? [Y/n]" before changing packages. */
const PROMPTING = ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'reinstall'];

export const aptGetMissingYes = defineRule({
  id: 'apt-get-missing-yes',
  aliases: ['DL3014', 'AVD-DS-0021'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: '`apt-get install` (or upgrade, remove…) without `-y` waits for a confirmation nobody can give.',
    why:
      'A build has no terminal: when apt-get asks "Do you want to continue? [Y/n]" it reads end-of-file, answers no and aborts, so the build fails as soon as a package pulls in a dependency. Whether it asks depends on the package list of the day, so the failure comes and goes.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    notes:
      'Accepted answers: `-y`, `--yes`, `--assume-yes`, `-qq` / `-q=2` (quiet level 2 implies yes), `-o APT::Get::Assume-Yes=true`, and a pipe into apt-get (`yes | apt-get install …`). `apt` is checked like `apt-get`. Error rather than hadolint\'s warning: the build breaks.',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      if (!run.script) continue;
      for (const inv of findInvocations(run.script, ['apt-get', 'apt'], PROMPTING)) {
        const words: ShellWord[] = [...inv.globalArgs, ...inv.args];
        if (answersYes(words) || readsPipe(inv)) continue;
        const sub = inv.subcommand!;
        report({
          range: run.script.rangeOf(inv.program.start, sub.end),
          message: `\`${inv.manager} ${sub.value}\` without -y: when apt asks for confirmation, the build cannot answer and aborts`,
          fixes: [{ title: `Add -y to ${inv.manager} ${sub.value}`, isPreferred: true, edits: [insertAfterWord(run.script, sub, ' -y')] }],
        });
      }
    }
  },
});

function answersYes(words: readonly ShellWord[]): boolean {
  if (hasAnyFlag(words, 'y', '--yes', '--assume-yes')) return true;
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (/^-[A-Za-z]*q[A-Za-z]*q[A-Za-z]*$/.test(value) || value === '-q=2' || value === '--quiet=2') return true;
    const option = value === '-o' || value === '--option' ? words[i + 1]?.value ?? '' : value.startsWith('--option=') ? value.slice(9) : value.startsWith('-o') ? value.slice(2) : '';
    if (/^APT::Get::Assume-Yes=(1|true|yes|on)$/i.test(option)) return true;
  }
  return false;
}
