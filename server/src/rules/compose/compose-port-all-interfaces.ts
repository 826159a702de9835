import { defaultedText, originNote, reportRange } from '../../compose/model';
import { portNumbers, publishedPorts } from '../../compose/ports';
import { appendToMap, insertAt } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

/** Container ports of databases, caches and brokers that should never face the network unguarded. */
export const DATA_STORE_PORTS: Record<number, string> = {
  5432: 'PostgreSQL',
  3306: 'MySQL/MariaDB',
  6379: 'Redis',
  27017: 'MongoDB',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch transport',
  11211: 'Memcached',
  5672: 'RabbitMQ',
  9042: 'Cassandra',
  8086: 'InfluxDB',
  26257: 'CockroachDB',
  1433: 'SQL Server',
  1521: 'Oracle',
  5984: 'CouchDB',
  7687: 'Neo4j Bolt',
  2379: 'etcd',
  9092: 'Kafka',
  2181: 'ZooKeeper',
  8529: 'ArangoDB',
  6333: 'Qdrant',
};

export const composePortAllInterfaces = defineRule({
  id: 'compose-port-all-interfaces',
  aliases: ['Container Traffic Not Bound To Host Interface'],
  severity: 'warning',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A published port has no host address, so it listens on every interface of the host.',
    why: '`"5432:5432"` publishes the port on all host interfaces, and Docker\'s own iptables rules let the traffic in even when the host firewall (ufw, firewalld) says no. A database or cache published that way is on the internet as soon as the host is. Bind it to 127.0.0.1 (or a private address) unless other machines must reach it.',
    bad: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"',
    good: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"',
    notes: 'Ports of databases, caches and brokers (PostgreSQL 5432, MySQL 3306, Redis 6379, MongoDB 27017, Elasticsearch 9200…) are errors, other ports warnings. The fix prefixes `127.0.0.1:` (long syntax: adds `host_ip: 127.0.0.1`); `--fix` applies it only to data stores, since a web port may be meant for the world. An explicit `0.0.0.0:` is a choice and is not reported, nor is a port published on the standard web ports 80 and 443 of the host (`"443:8443"`), which are published to be reached; nothing is reported under `network_mode: host`.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      if (defaultedText(service.get('network_mode')?.value)?.text === 'host') continue;
      for (const port of publishedPorts(service)) {
        if (port.hostIp !== null) continue;
        const numbers = [...portNumbers(port.containerPort), ...portNumbers(port.hostPort)];
        const store = numbers.map((n) => DATA_STORE_PORTS[n]).find((name) => name !== undefined);
        // Publishing on the host's standard web ports (80, 443) has no other purpose than being reached.
        const hostNumbers = portNumbers(port.hostPort);
        if (!store && hostNumbers.length > 0 && hostNumbers.every((n) => n === 80 || n === 443)) continue;
        let edit: TextEdit | null = null;
        if (!port.item.origin) {
          if (port.item.type === 'scalar' && port.item.style !== 'BLOCK_LITERAL' && port.item.style !== 'BLOCK_FOLDED') {
            const quoted = port.item.style === 'QUOTE_DOUBLE' || port.item.style === 'QUOTE_SINGLE';
            edit = insertAt(model, port.item.span.start + (quoted ? 1 : 0), port.hostPort === null ? '127.0.0.1::' : '127.0.0.1:');
          } else if (port.item.type === 'map') {
            edit = appendToMap(model, port.item, ['host_ip: 127.0.0.1']);
          }
        }
        const shown = port.item.type === 'scalar' ? port.item.text : `${port.hostPort ?? ''}:${port.containerPort}`;
        report({
          range: reportRange(port.item),
          severity: store ? 'error' : 'warning',
          message: store
            ? `Port ${shown} of service "${service.name}" (${store}) is published on all host interfaces: bind it to 127.0.0.1${originNote(port.item)}`
            : `Port ${shown} of service "${service.name}" is published on all host interfaces: bind it to 127.0.0.1 unless other machines must reach it${originNote(port.item)}`,
          fixes: edit ? [{ title: 'Publish it on 127.0.0.1 only', edits: [edit], isPreferred: store !== undefined }] : [],
        });
      }
    }
  },
});
