import { defineRule } from '../../engine/rule';
import { commandOrders, reportMissingClean } from '../../dockerfile/package-checks';

export const zypperClean = defineRule({
  id: 'zypper-clean',
  aliases: ['DL3036', 'AVD-DS-0020'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'A RUN installs with zypper but does not run `zypper clean` afterwards.',
    why: 'zypper keeps downloaded packages and repository metadata in /var/cache/zypp; left in the layer they add to every pull.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean',
    notes: '`zypper clean`, `zypper cc`, `rm -rf /var/cache/zypp` and a cache mount there all count.',
  },
  check({ model, report }) {
    reportMissingClean(model, report, {
      manager: 'zypper',
      installSubcommands: ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup'],
      cleans: (script) => commandOrders(script, (w) => w[0] === 'zypper' && (w.includes('clean') || w.includes('cc'))),
      cacheDirs: ['/var/cache/zypp'],
      cleanCommand: 'zypper clean',
    });
  },
});
