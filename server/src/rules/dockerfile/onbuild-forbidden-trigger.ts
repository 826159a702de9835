import { defineRule } from '../../engine/rule';

export const onbuildForbiddenTrigger = defineRule({
  id: 'onbuild-forbidden-trigger',
  aliases: ['DL3043'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'ONBUILD with ONBUILD, FROM or MAINTAINER as its trigger.',
    why: 'Docker does not allow these three as ONBUILD triggers: the build fails ("Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed", "FROM isn\'t allowed as an ONBUILD trigger").',
    bad: 'FROM alpine:3.20\nONBUILD FROM alpine:3.20',
    good: 'FROM alpine:3.20\nONBUILD RUN echo "building on the base image"',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ONBUILD' || !instruction.trigger) continue;
      const trigger = instruction.trigger;
      if (!['ONBUILD', 'FROM', 'MAINTAINER'].includes(trigger.keyword)) continue;
      report({ range: trigger.keywordRange, message: `${trigger.keyword} is not allowed as an ONBUILD trigger` });
    }
  },
});
