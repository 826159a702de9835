import { defineRule } from '../../engine/rule';
import { hasAnyFlag } from '../../dockerfile/package-commands';
import { reportMissingYes } from '../../dockerfile/package-checks';

export const dnfMissingYes = defineRule({
  id: 'dnf-missing-yes',
  aliases: ['DL3038'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: '`dnf install` (or remove, upgrade…) without `-y` waits for a confirmation nobody can give.',
    why: 'A build has no terminal: dnf asks "Is this ok [y/N]", reads end-of-file, answers no and exits with an error, so the build fails.',
    bad: 'FROM fedora:40\nRUN dnf install httpd && dnf clean all',
    good: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
    notes: 'Error rather than hadolint\'s warning: the build breaks. `microdnf` does not prompt and is not checked; `-y`, `--assumeyes` and `yes |` are accepted.',
  },
  check({ model, report }) {
    reportMissingYes(model, report, {
      manager: 'dnf',
      subcommands: ['install', 'in', 'groupinstall', 'reinstall', 'remove', 'rm', 'erase', 'update', 'upgrade', 'downgrade', 'autoremove', 'distro-sync'],
      answers: (inv) => hasAnyFlag([...inv.globalArgs, ...inv.args], 'y', '--assumeyes'),
    });
  },
});
