import { defineRule } from '../../engine/rule';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const yumPinVersions = defineRule({
  id: 'yum-pin-versions',
  aliases: ['DL3033'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`yum install` of a package without a version (`httpd` instead of `httpd-<version>`).',
    why: 'An unpinned package is whatever the repository has on the day of the build, so rebuilds ship different code and a bad release enters the image silently.',
    bad: 'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all',
    good: 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all',
    notes:
      'A version is a `-` followed by a digit (`httpd-2.4.57`, `python3-3.9.18`); names such as `gcc-c++` or `python3-devel` alone are not versions, a deliberate difference from hadolint, which accepts any `-`. `.rpm` files and paths are not judged; `yum module install` needs a `:stream`. Info rather than hadolint\'s warning: distribution repositories replace package versions on updates, so exact pins break rebuilds and keep security fixes out; pin the base image by digest for reproducible builds and pin single packages where a version matters.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: 'yum',
      subcommands: ['install'],
      pinned: (value) => /-\d/.test(value) || value.endsWith('.rpm') || value.includes('/') || value.startsWith('@'),
      example: (name) => `${name}-<version>`,
    });
  },
});
