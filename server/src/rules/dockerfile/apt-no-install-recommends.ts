import { defineRule } from '../../engine/rule';
import { findInvocations, hasAnyFlag, insertAfterWord, instructionsBefore, runInstructions } from '../../dockerfile/package-commands';
import type { Instruction } from '../../dockerfile/instruction';
import type { ShellWord } from '../../dockerfile/shell-words';

export const aptNoInstallRecommends = defineRule({
  id: 'apt-no-install-recommends',
  aliases: ['DL3015', 'AVD-DS-0029'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: '`apt-get install` without `--no-install-recommends` also installs every recommended package.',
    why:
      'Recommended packages are not needed for the named ones to work, yet they often outnumber them: more binaries and libraries in the image means more code to patch and more for an attacker to use, and a bigger image.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    notes:
      'Also accepted: `-o APT::Install-Recommends=false` on the command, or an earlier RUN of the stage that writes `APT::Install-Recommends "false"` into apt\'s configuration. Warning rather than hadolint\'s info: every package the image does not need is more code to patch and to misuse, so a hardened image installs only what it names. After the fix, name any recommended package the image really uses (most often `ca-certificates` for HTTPS).',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      if (!run.script) continue;
      const invocations = findInvocations(run.script, ['apt-get', 'apt'], 'install');
      if (invocations.length === 0) continue;
      const stage = model.stageOf(run);
      if (stage && configuredOff(instructionsBefore(stage, run))) continue;
      for (const inv of invocations) {
        if (disablesRecommends([...inv.globalArgs, ...inv.args])) continue;
        const sub = inv.subcommand!;
        report({
          range: run.script.rangeOf(inv.program.start, sub.end),
          message: `\`${inv.manager} install\` without --no-install-recommends also installs recommended packages`,
          fixes: [{ title: 'Add --no-install-recommends', isPreferred: true, edits: [insertAfterWord(run.script, sub, ' --no-install-recommends')] }],
        });
      }
    }
  },
});

const RECOMMENDS_OFF = /APT::Install-Recommends\s*=?\s*["']?(false|0|no|off)\b/i;

function disablesRecommends(words: readonly ShellWord[]): boolean {
  if (hasAnyFlag(words, null, '--no-install-recommends')) return true;
  return words.some((word) => RECOMMENDS_OFF.test(word.value));
}

/** An earlier RUN wrote `APT::Install-Recommends "false";` into apt's configuration. */
function configuredOff(before: readonly Instruction[]): boolean {
  return before.some((i) => i.keyword === 'RUN' && i.script !== null && /APT::Install-Recommends\s+\\?["']?(false|0)/i.test(i.script.text));
}
