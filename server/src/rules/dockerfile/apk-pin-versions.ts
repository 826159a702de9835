import { defineRule } from '../../engine/rule';
import { reportUnpinned } from '../../dockerfile/package-checks';

export const apkPinVersions = defineRule({
  id: 'apk-pin-versions',
  aliases: ['DL3018'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: '`apk add` of a package without a version (`curl` instead of `curl=<version>`).',
    why:
      'An unpinned package is whatever the Alpine mirror has on the day of the build, so rebuilding the same Dockerfile ships different code, and a bad release enters the image silently.',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1',
    notes: 'Any version constraint counts (`=`, `~`, `<`, `>`); `.apk` files and paths are not judged, nor is the name given to `--virtual`.',
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
