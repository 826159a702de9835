import { defineRule } from '../../engine/rule';
import { hasAnyFlag } from '../../dockerfile/package-commands';
import { reportMissingYes } from '../../dockerfile/package-checks';

export const zypperMissingYes = defineRule({
  id: 'zypper-missing-yes',
  aliases: ['DL3034'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: '`zypper install` (or remove, update, patch…) without `-y` or `--non-interactive` waits for a confirmation nobody can give.',
    why: 'A build has no terminal: zypper asks "Continue? [y/n/v/...? shows all options] (y)", reads end-of-file and aborts, so the build fails.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install curl && zypper clean',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean',
    notes: 'Error rather than hadolint\'s warning: the build breaks. Accepted: `-y`/`--no-confirm` after the subcommand, `-n`/`--non-interactive` before it.',
  },
  check({ model, report }) {
    reportMissingYes(model, report, {
      manager: 'zypper',
      subcommands: ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup'],
      answers: (inv) => hasAnyFlag(inv.args, 'y', '--no-confirm') || hasAnyFlag(inv.globalArgs, 'n', '--non-interactive'),
    });
  },
});
