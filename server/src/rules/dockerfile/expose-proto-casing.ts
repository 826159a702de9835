import { defineRule } from '../../engine/rule';

export const exposeProtoCasing = defineRule({
  id: 'expose-proto-casing',
  aliases: ['ExposeProtoCasing'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'The protocol of an EXPOSE port is not lower case (`80/TCP`).',
    why: 'Docker lower-cases the protocol anyway; writing it in lower case keeps EXPOSE consistent with `docker run -p` and compose files.',
    bad: 'EXPOSE 80/TCP',
    good: 'EXPOSE 80/tcp',
    notes: 'Info rather than BuildKit\'s warning: it is style, Docker lower-cases the protocol itself. The fix lower-cases the protocol.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const arg of instruction.args) {
        const slash = arg.value.lastIndexOf('/');
        if (slash < 0 || arg.value.includes('$')) continue;
        const proto = arg.value.slice(slash + 1);
        if (proto === proto.toLowerCase()) continue;
        const sameLine = arg.range.start.line === arg.range.end.line;
        report({
          range: arg.range,
          message: `Defined protocol '${arg.value}' in EXPOSE instruction should be lowercase`,
          fixes: sameLine ? [{ title: `Write ${arg.value.slice(0, slash + 1)}${proto.toLowerCase()}`, isPreferred: true, edits: [{ range: arg.range, newText: arg.value.toLowerCase() }] }] : [],
        });
      }
    }
  },
});
