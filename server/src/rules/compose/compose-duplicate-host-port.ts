import { reportRange, scalarText, type ComposeService } from '../../compose/model';
import { portNumbers, publishedPorts } from '../../compose/ports';
import { defineRule } from '../../engine/rule';

function profiles(service: ComposeService): string[] {
  const value = service.get('profiles')?.value;
  return value?.type === 'seq' ? value.items.map((i) => scalarText(i) ?? '') : [];
}

/** False when both services only run under profiles they do not share. */
function canRunTogether(a: ComposeService, b: ComposeService): boolean {
  const pa = profiles(a);
  const pb = profiles(b);
  return pa.length === 0 || pb.length === 0 || pa.some((p) => pb.includes(p));
}

const ANY = new Set(['0.0.0.0', '::', '*']);

export const composeDuplicateHostPort = defineRule({
  id: 'compose-duplicate-host-port',
  aliases: [],
  severity: 'error',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'The same host port (and address and protocol) is published twice.',
    why: 'Only one socket can listen on a host address and port: the second container fails to start with "port is already allocated".',
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n  admin:\n    image: example/admin:1\n    ports: ["127.0.0.1:8080:3000"]',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n  admin:\n    image: example/admin:1\n    ports: ["127.0.0.1:8081:3000"]',
    notes: 'A port on all interfaces clashes with the same port on any address. Services whose profiles never run together are not compared; ports given by ${VAR} without a default are skipped.',
  },
  check({ model, report }) {
    const taken: { service: ComposeService; ip: string | null; port: number; protocol: string; line: number }[] = [];
    for (const service of model.services) {
      for (const published of publishedPorts(service)) {
        if (published.unresolved) continue;
        const ip = published.hostIp === null || ANY.has(published.hostIp) ? null : published.hostIp;
        for (const port of portNumbers(published.hostPort)) {
          const clash = taken.find(
            (t) => t.port === port && t.protocol === published.protocol && (t.ip === null || ip === null || t.ip === ip) && (t.service === service || canRunTogether(t.service, service)),
          );
          if (clash) {
            report({
              range: reportRange(published.item),
              message: `Host port ${port}/${published.protocol} is already published by service "${clash.service.name}" (line ${clash.line}): the second container cannot start`,
            });
            break;
          }
          taken.push({ service, ip, port, protocol: published.protocol, line: reportRange(published.item).start.line + 1 });
        }
      }
    }
  },
});
