import { defineRule } from '../../engine/rule';

export const maintainerDeprecated = defineRule({
  id: 'maintainer-deprecated',
  aliases: ['DL4000', 'MaintainerDeprecated', 'AVD-DS-0022', 'CKV_DOCKER_6'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'MAINTAINER is deprecated; the OCI label `org.opencontainers.image.authors` replaces it.',
    why: 'MAINTAINER only fills a legacy field of the image config that registries and scanners ignore; a label is what tools read.',
    bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
    notes: 'Info rather than hadolint\'s error: Docker still accepts MAINTAINER, and it says nothing about the image\'s safety.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      const args = instruction.args;
      const value = args.length === 0 ? '' : model.text.slice(model.index.offsetAt(args[0].range.start), model.index.offsetAt(args[args.length - 1].range.end)).replace(/\\?\r?\n\s*/g, ' ');
      const quoted = JSON.stringify(/^"[^"]*"$/.test(value) ? value.slice(1, -1) : value);
      report({
        range: instruction.keywordRange,
        message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors',
        fixes: [
          {
            title: 'Replace with LABEL org.opencontainers.image.authors',
            isPreferred: true,
            edits: [{ range: instruction.range, newText: `LABEL org.opencontainers.image.authors=${quoted}` }],
          },
        ],
      });
    }
  },
});
