import { defineRule } from '../../engine/rule';
import { commandOrders, reportMissingClean } from '../../dockerfile/package-checks';

export const dnfCleanAll = defineRule({
  id: 'dnf-clean-all',
  aliases: ['DL3040', 'AVD-DS-0019', 'AVD-DS-0027'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'A RUN installs with dnf or microdnf but does not run `dnf clean all` (`microdnf clean all`) afterwards.',
    why: 'dnf keeps downloaded packages and repository metadata in /var/cache/dnf (and /var/cache/yum); left in the layer they add tens of megabytes to every pull.',
    bad: 'FROM fedora:40\nRUN dnf install -y httpd',
    good: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
    notes: 'The clean must come after the install in the same RUN. `rm -rf /var/cache/dnf` (or /var/cache/yum) or a cache mount there count as clean.',
  },
  check({ model, report }) {
    for (const manager of ['dnf', 'microdnf']) {
      reportMissingClean(model, report, {
        manager,
        installSubcommands: ['install', 'in', 'groupinstall', 'reinstall', 'update', 'upgrade'],
        cleans: (script) => commandOrders(script, (w) => (w[0] === 'dnf' || w[0] === 'microdnf') && w.includes('clean') && w.includes('all')),
        cacheDirs: ['/var/cache/dnf', '/var/cache/yum'],
        cleanCommand: `${manager} clean all`,
      });
    }
  },
});
