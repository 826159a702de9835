import { defineRule } from '../../engine/rule';
import { invocationsIn, invocationLabel } from '../../dockerfile/package-checks';

const UPGRADES: { manager: string | string[]; subcommands: string[] }[] = [
  { manager: ['apt-get', 'apt'], subcommands: ['upgrade', 'dist-upgrade', 'full-upgrade'] },
  { manager: 'apk', subcommands: ['upgrade'] },
  { manager: ['yum', 'dnf', 'microdnf'], subcommands: ['update', 'upgrade', 'distro-sync'] },
  { manager: 'zypper', subcommands: ['dist-upgrade', 'dup', 'update', 'up'] },
];

export const osUpgradeInBuild = defineRule({
  id: 'os-upgrade-in-build',
  aliases: ['DL3005', 'DL3017', 'DL3031', 'DL3035', 'DL3039', 'AVD-DS-0024'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'A RUN upgrades every package of the base image (`apt-get upgrade`, `apk upgrade`, `yum update`, `zypper dist-upgrade`…).',
    why: 'The result depends on the day of the build: two builds of the same file ship different packages, and a distribution upgrade can move the image to a new release the base image tag does not promise. A newer base image tag is the reproducible way to get the fixes.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade',
    good: 'FROM debian:12.7\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
    notes:
      'Info rather than hadolint\'s warning (for `zypper dist-upgrade`, the one variant it still has): upgrading does pull in security fixes, and hadolint retired its apt/apk/yum/dnf variants for that reason. Upgrading single packages (`apt-get install --only-upgrade x`) is not reported.',
  },
  check({ model, report }) {
    for (const upgrade of UPGRADES) {
      for (const { script, inv } of invocationsIn(model, upgrade.manager, upgrade.subcommands)) {
        if (inv.packages.length > 0 && inv.manager !== 'apt-get' && inv.manager !== 'apt') continue;
        report({
          range: script.rangeOf(inv.program.start, inv.subcommand!.end),
          message: `\`${invocationLabel(inv)}\` upgrades the whole base image: the result changes from build to build`,
        });
      }
    }
  },
});
