import { defineRule } from '../../engine/rule';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const aptPinVersions = defineRule({
  id: 'apt-pin-versions',
  aliases: ['DL3008'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`apt-get install` of a package without a version (`curl` instead of `curl=<version>`).',
    why:
      'An unpinned package is whatever the mirror has on the day of the build: two builds of the same Dockerfile ship different code, and a compromised or broken release enters the image without any change to the file.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8',
    notes:
      '`apt install` is checked the same way. A package with `/` (a release, `curl/bookworm-backports`, or a path) or a `.deb` file counts as chosen on purpose; operands built from variables are not judged. Info rather than hadolint\'s warning: Debian and Ubuntu mirrors drop a version as soon as a point or security release replaces it, so exact pins break the build within weeks and keep security fixes out on rebuild. For reproducible images pin the base image by digest and install from a snapshot mirror; pin single packages where a specific version matters.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: ['apt-get', 'apt'],
      subcommands: ['install'],
      pinned: (value) => value.includes('=') || value.includes('/') || value.endsWith('.deb'),
      example: (name) => `${name}=<version>`,
    });
  },
});
