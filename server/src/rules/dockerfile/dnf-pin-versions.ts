import { defineRule } from '../../engine/rule';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const dnfPinVersions = defineRule({
  id: 'dnf-pin-versions',
  aliases: ['DL3041'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`dnf install` (or `microdnf install`) of a package without a version (`httpd` instead of `httpd-<version>`).',
    why: 'An unpinned package is whatever the repository has on the day of the build, so rebuilds ship different code and a bad release enters the image silently.',
    bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
    notes:
      'A version is a `-` followed by a digit; names such as `gcc-c++` alone are not versions, a deliberate difference from hadolint, which accepts any `-`. `.rpm` files, paths and groups (`@development-tools`) are not judged. Info rather than hadolint\'s warning: distribution repositories replace package versions on updates, so exact pins break rebuilds and keep security fixes out; pin the base image by digest for reproducible builds and pin single packages where a version matters.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: ['dnf', 'microdnf'],
      subcommands: ['install'],
      pinned: (value) => /-\d/.test(value) || value.endsWith('.rpm') || value.includes('/') || value.startsWith('@'),
      example: (name) => `${name}-<version>`,
    });
  },
});
