import { defineRule } from '../../engine/rule';

export const exposeInvalidFormat = defineRule({
  id: 'expose-invalid-format',
  aliases: ['ExposeInvalidFormat'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'EXPOSE with an IP address or a host-port mapping (`EXPOSE 127.0.0.1:8080:80`, `EXPOSE 8080:80`).',
    why: 'EXPOSE only documents the ports the container listens on; publishing to a host address or port is done at run time (`docker run -p`, compose `ports:`). The extra parts are ignored today and will become an error in a future Dockerfile syntax.',
    bad: 'EXPOSE 127.0.0.1:8080:80',
    good: 'EXPOSE 80',
    notes: 'The fix keeps the container port (and protocol).',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const arg of instruction.args) {
        if (!arg.value.includes(':') || arg.value.includes('$')) continue;
        const containerPort = arg.value.slice(arg.value.lastIndexOf(':') + 1);
        report({
          range: arg.range,
          message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${arg.value}'`,
          fixes: containerPort ? [{ title: `Expose ${containerPort} only`, isPreferred: true, edits: [{ range: arg.range, newText: containerPort }] }] : [],
        });
      }
    }
  },
});
