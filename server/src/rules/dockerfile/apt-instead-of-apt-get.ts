import { defineRule } from '../../engine/rule';
import { findInvocations, runInstructions } from '../../dockerfile/package-commands';

const APT_GET_SUBCOMMANDS = new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'reinstall']);

export const aptInsteadOfAptGet = defineRule({
  id: 'apt-instead-of-apt-get',
  aliases: ['DL3027', 'CKV_DOCKER_9'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'A RUN uses `apt`, the interactive front end, instead of `apt-get`.',
    why: '`apt` is made for people at a terminal: its output and behaviour may change between releases and it warns "apt does not have a stable CLI interface". In a build, `apt-get` and `apt-cache` give the same result reliably.',
    bad: 'FROM debian:12\nRUN apt update && apt install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    notes: 'The fix replaces `apt` with `apt-get` for the subcommands apt-get has (install, update, upgrade, remove, purge…); `apt list`, `apt search` and the like are reported without a fix (use apt-cache).',
  },
  check({ model, report }) {
    for (const run of runInstructions(model.instructions)) {
      const script = run.script;
      if (!script) continue;
      for (const inv of findInvocations(script, 'apt', null)) {
        if (inv.module) continue;
        const sub = inv.args.find((a) => !a.value.startsWith('-'));
        const range = script.rangeOf(inv.program.start, inv.program.end);
        const fixable = inv.program.value === 'apt' && sub !== undefined && APT_GET_SUBCOMMANDS.has(sub.value);
        report({
          range,
          message: !sub ? 'Use apt-get or apt-cache instead of apt in scripts' : fixable ? `\`apt ${sub.value}\`: use apt-get (apt has no stable interface for scripts)` : `\`apt ${sub.value}\`: use apt-cache or dpkg-query (apt has no stable interface for scripts)`,
          fixes: fixable ? [{ title: 'Use apt-get', isPreferred: true, edits: [{ range, newText: 'apt-get' }] }] : [],
        });
      }
    }
  },
});
