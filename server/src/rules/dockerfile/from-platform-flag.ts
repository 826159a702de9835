import { defineRule } from '../../engine/rule';

/** Values other rules judge, or that are the recommended spellings. */
const HANDLED_ELSEWHERE = /^\$(BUILDPLATFORM|TARGETPLATFORM|\{(BUILDPLATFORM|TARGETPLATFORM)(:?[-+][^}]*)?\})$/;

export const fromPlatformFlag = defineRule({
  id: 'from-platform-flag',
  aliases: ['DL3029'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'FROM takes its `--platform` from a build argument of the file (`--platform=$PLATFORM`, `--platform=linux/${ARCH}`).',
    why: 'A `--platform` from a custom variable overrides the platform `docker build --platform` asks for: a multi-platform build quietly produces the same architecture for every target, or runs under emulation. `$BUILDPLATFORM` (for cross-compiling stages) and the default are what builders expect.',
    bad: 'ARG ARCH=amd64\nFROM --platform=linux/${ARCH} debian:12',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build',
    notes:
      'hadolint reports every `--platform`. Here the cases are split: constant values are reported by from-platform-flag-const, `$TARGETPLATFORM` by redundant-target-platform, and `$BUILDPLATFORM`, the usual way to cross-compile, is not reported. Info rather than hadolint\'s warning, like from-platform-flag-const: single-platform images are a valid choice.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.flags.find((f) => f.name.toLowerCase() === 'platform');
      if (!flag || !flag.value || !flag.value.includes('$') || HANDLED_ELSEWHERE.test(flag.value)) continue;
      report({ range: flag.range, message: `FROM --platform=${flag.value} overrides the platform the build asks for` });
    }
  },
});
