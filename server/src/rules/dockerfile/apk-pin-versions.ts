import { defineRule } from '../../engine/rule';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const apkPinVersions = defineRule({
  id: 'apk-pin-versions',
  aliases: ['DL3018'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: '`apk add` of a package without a version (`curl` instead of `curl=<version>`).',
    why:
      'An unpinned package is whatever the Alpine mirror has on the day of the build, so rebuilding the same Dockerfile ships different code, and a bad release enters the image silently.',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1',
    notes: 'Any version constraint counts (`=`, `~`, `<`, `>`); `.apk` files and paths are not judged, nor is the name given to `--virtual`. Info rather than hadolint\'s warning: an Alpine branch keeps only the newest build of each package, so an exact pin breaks the build as soon as a fix is published and keeps security fixes out on rebuild. A constraint such as `~1.2` or pinning the base image by digest is the durable form.',
  },
  check({ model, report }) {
    reportUnpinned(model, report, {
      manager: 'apk',
      subcommands: ['add'],
      pinned: (value) => /[=<>~]/.test(value) || value.includes('/') || value.endsWith('.apk'),
      example: (name) => `${name}=<version>`,
    });
  },
});
