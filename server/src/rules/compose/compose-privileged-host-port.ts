import { defaultedText, originNote, reportRange } from '../../compose/model';
import { portNumbers, publishedPorts } from '../../compose/ports';
import { defineRule } from '../../engine/rule';

export const composePrivilegedHostPort = defineRule({
  id: 'compose-privileged-host-port',
  aliases: ['Privileged Ports Mapped In Container'],
  severity: 'info',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service publishes a privileged host port (below 1024).',
    why: 'Ports below 1024 are reserved for system services: binding them needs root or CAP_NET_BIND_SERVICE on the host, so the file does not work with rootless Docker or Podman, and it can collide with the host\'s own sshd, DNS or web server.',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:80:8080"',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:8080"',
    notes: 'Info: a reverse proxy on 80/443 is a deliberate choice; ignore the rule for it with a pragma.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      if (defaultedText(service.get('network_mode')?.value)?.text === 'host') continue;
      for (const port of publishedPorts(service)) {
        const low = portNumbers(port.hostPort).find((n) => n > 0 && n < 1024);
        if (low === undefined) continue;
        report({ range: reportRange(port.item), message: `Service "${service.name}" publishes privileged host port ${low}${originNote(port.item)}` });
      }
    }
  },
});
