import { defaultedText, originNote, reportRange } from '../../compose/model';
import { defineRule } from '../../engine/rule';

const NAMESPACES: Record<string, string> = {
  network_mode: 'network',
  pid: 'process (PID)',
  ipc: 'IPC',
  userns_mode: 'user',
  uts: 'UTS (hostname)',
  cgroup: 'cgroup',
};

export const composeHostNamespace = defineRule({
  id: 'compose-host-namespace',
  aliases: ['Shared Host Network Namespace', 'Host Namespace is Shared', 'Shared Host IPC Namespace', 'Shared Host User Namespace'],
  severity: 'warning',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service shares a host namespace: `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host`, `uts: host` or `cgroup: host`.',
    why: 'Sharing a namespace removes that part of the isolation: with `network_mode: host` the container reaches every host port (including services bound to 127.0.0.1) and its own ports skip Docker\'s firewall rules; with `pid: host` it can see and signal every host process; `userns_mode: host` turns user-namespace remapping off.',
    bad: 'services:\n  app:\n    image: example/app:1.4\n    network_mode: host',
    good: 'services:\n  app:\n    image: example/app:1.4\n    ports: ["127.0.0.1:8080:8080"]',
  },
  check({ model, report }) {
    for (const service of model.services) {
      for (const [key, label] of Object.entries(NAMESPACES)) {
        const entry = service.get(key);
        if (!entry || defaultedText(entry.value)?.text.toLowerCase() !== 'host') continue;
        report({ range: reportRange(entry), message: `Service "${service.name}" shares the host's ${label} namespace (${key}: host)${originNote(entry)}` });
      }
    }
  },
});
