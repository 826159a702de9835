import { defineRule } from '../../engine/rule';

export const redundantTargetPlatform = defineRule({
  id: 'redundant-target-platform',
  aliases: ['DL3065', 'RedundantTargetPlatform'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: '`FROM --platform=$TARGETPLATFORM` says what FROM does anyway.',
    why: 'Stages are built for the target platform by default; spelling it out adds noise and makes the lines that really change the platform (`$BUILDPLATFORM`) harder to spot.',
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20',
    good: 'FROM alpine:3.20',
    notes: 'Info rather than hadolint\'s warning: it has no effect at all. The fix removes the flag.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.flags.find((f) => f.name.toLowerCase() === 'platform');
      if (!flag || (flag.value !== '$TARGETPLATFORM' && flag.value !== '${TARGETPLATFORM}')) continue;
      const next = stage.from.args[0];
      const end = next ? next.range.start : flag.range.end;
      report({
        range: flag.range,
        message: '--platform=$TARGETPLATFORM is the default: remove it',
        fixes: [{ title: 'Remove --platform', isPreferred: true, edits: [{ range: { start: flag.range.start, end }, newText: '' }] }],
      });
    }
  },
});
