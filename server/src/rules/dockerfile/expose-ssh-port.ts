import { defineRule } from '../../engine/rule';
import { expandVariables } from '../../dockerfile/image-reference';
import { variablesAt } from '../../dockerfile/package-commands';

export const exposeSshPort = defineRule({
  id: 'expose-ssh-port',
  aliases: ['AVD-DS-0004', 'CKV_DOCKER_1'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'EXPOSE 22: the image offers SSH.',
    why: 'An SSH server in a container is one more daemon with credentials to steal and patch, and a way in that bypasses the orchestrator\'s access control and audit. Use `docker exec` / `kubectl exec` to get a shell.',
    bad: 'FROM ubuntu:24.04\nEXPOSE 22 8080',
    good: 'FROM ubuntu:24.04\nEXPOSE 8080',
    notes: 'Port ranges that include 22 (`EXPOSE 20-30`) count, and so do ports given by an ARG default or ENV value (`ARG SSH_PORT=22`, `EXPOSE $SSH_PORT`). There is no fix: remove the SSH server, not just the EXPOSE.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'EXPOSE') continue;
        const values = variablesAt(model, stage, instruction);
        for (const arg of instruction.args) {
          const value = expandVariables(arg.value, values);
          const port = value.slice(value.lastIndexOf(':') + 1).split('/')[0];
          const range = /^(\d+)(?:-(\d+))?$/.exec(port);
          if (!range) continue;
          const low = Number(range[1]);
          const high = range[2] ? Number(range[2]) : low;
          if (!(low <= 22 && 22 <= high)) continue;
          const expanded = value !== arg.value ? ` (${arg.value} is ${value})` : '';
          report({ range: arg.range, message: `Port 22 (SSH) is exposed${low !== high ? ` by the range ${port}` : ''}${expanded}` });
        }
      }
    }
  },
});
