import { defineRule } from '../../engine/rule';

export const exposeSshPort = defineRule({
  id: 'expose-ssh-port',
  aliases: ['AVD-DS-0004', 'CKV_DOCKER_1'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'EXPOSE 22: the image offers SSH.',
    why: 'An SSH server in a container is one more daemon with credentials to steal and patch, and a way in that bypasses the orchestrator\'s access control and audit. Use `docker exec` / `kubectl exec` to get a shell.',
    bad: 'EXPOSE 22 8080',
    good: 'EXPOSE 8080',
    notes: 'Port ranges that include 22 (`EXPOSE 20-30`) count. There is no fix: remove the SSH server, not just the EXPOSE.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const arg of instruction.args) {
        const port = arg.value.slice(arg.value.lastIndexOf(':') + 1).split('/')[0];
        const range = /^(\d+)(?:-(\d+))?$/.exec(port);
        if (!range) continue;
        const low = Number(range[1]);
        const high = range[2] ? Number(range[2]) : low;
        if (low <= 22 && 22 <= high) report({ range: arg.range, message: `Port 22 (SSH) is exposed${low !== high ? ` by the range ${port}` : ''}` });
      }
    }
  },
});
