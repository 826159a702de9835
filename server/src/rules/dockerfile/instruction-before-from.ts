import { defineRule } from '../../engine/rule';

export const instructionBeforeFrom = defineRule({
  id: 'instruction-before-from',
  aliases: ['DL3061'],
  severity: 'error',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: 'An instruction other than ARG comes before the first FROM.',
    why: 'A Dockerfile must start with FROM (after parser directives, comments and global ARGs); anything else there fails the build ("no build stage in current context").',
    bad: 'RUN echo hello\nFROM alpine:3.20',
    good: 'FROM alpine:3.20\nRUN echo hello',
    notes: 'Reported once, on the first such instruction.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword === 'FROM') return;
      if (instruction.keyword === 'ARG') continue;
      report({ range: instruction.keywordRange, message: `${instruction.keywordText} before the first FROM: a Dockerfile must begin with FROM (or ARG)` });
      return;
    }
  },
});
