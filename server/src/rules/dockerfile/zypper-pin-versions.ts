import { defineRule } from '../../engine/rule';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const zypperPinVersions = defineRule({
  id: 'zypper-pin-versions',
  aliases: ['DL3037'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`zypper install` of a package without a version (`curl` instead of `curl=<version>`).',
    why: 'An unpinned package is whatever the repository has on the day of the build, so rebuilds ship different code and a bad release enters the image silently.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean',
    good: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean',
    notes: 'Any constraint counts (`=`, `>=`, `<`…); `.rpm` files and paths are not judged. Info rather than hadolint\'s warning: distribution repositories replace package versions on updates, so exact pins break rebuilds and keep security fixes out; pin the base image by digest for reproducible builds and pin single packages where a version matters.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: 'zypper',
      subcommands: ['install', 'in'],
      pinned: (value) => /[=<>]/.test(value) || value.endsWith('.rpm') || value.includes('/'),
      example: (name) => `${name}=<version>`,
    });
  },
});
