import { composePortAllInterfaces } from '../../server/src/rules/compose/compose-port-all-interfaces';
import { ruleTable } from '../rule-table';

ruleTable(composePortAllInterfaces, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n      - "[::1]:8443:443"\n      - "0.0.0.0:80:80"\n    expose: ["9000"]\n',
    'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n    ports: ["80:80"]\n',
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${BIND_ADDRESS:-127.0.0.1}:8080:80"\n',
    { name: 'a reverse proxy on the standard web ports', code: 'services:\n  edge:\n    image: example/edge:3.0\n    ports:\n      - "80:8080"\n      - 443:8443/tcp\n' },
  ],
  invalid: [
    {
      name: 'a YAML error in the long syntax: no fix',
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: 5432 x: 1\n',
      findings: [{ line: 5, column: 9, endLine: 6, endColumn: 29, severity: 'error', message: 'Port :5432 of service "db" (PostgreSQL) is published on all host interfaces: bind it to 127.0.0.1' }],
      fixTitles: [],
    },
    {
      name: 'databases are errors and fixed by --fix; other ports get the fix offered',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - 9090\n  db:\n    image: postgres:16\n    ports: [\'5432:5432\', "127.0.0.1:8081:81"]\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, message: 'Port 8080:80 of service "web" is published on all host interfaces: bind it to 127.0.0.1 unless other machines must reach it' },
        { line: 6, column: 9, endLine: 6, endColumn: 13, message: 'Port 9090 of service "web" is published on all host interfaces: bind it to 127.0.0.1 unless other machines must reach it' },
        { line: 9, column: 13, endLine: 9, endColumn: 24, message: 'Port 5432:5432 of service "db" (PostgreSQL) is published on all host interfaces: bind it to 127.0.0.1', severity: 'error' },
      ],
      fixTitles: ['Publish it on 127.0.0.1 only'],
      output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - 9090\n  db:\n    image: postgres:16\n    ports: [\'127.0.0.1:5432:5432\', "127.0.0.1:8081:81"]\n',
    },
    {
      name: 'long syntax gets host_ip',
      code: 'services:\n  cache:\n    image: redis:7\n    ports:\n      - target: 6379\n        published: "${REDIS_PORT:-6379}"\n        protocol: tcp\n',
      findings: [{ line: 5, column: 9, endLine: 7, endColumn: 22, message: 'Port 6379:6379 of service "cache" (Redis) is published on all host interfaces: bind it to 127.0.0.1', severity: 'error' }],
      output: 'services:\n  cache:\n    image: redis:7\n    ports:\n      - target: 6379\n        published: "${REDIS_PORT:-6379}"\n        protocol: tcp\n        host_ip: 127.0.0.1\n',
    },
    {
      name: 'through an alias: reported at the service, named, not fixed',
      code: 'x-ports: &ports\n  - "3306:3306"\nservices:\n  db:\n    image: mysql:8\n    ports: *ports\n',
      findings: [{ line: 6, column: 12, endLine: 6, endColumn: 18, message: 'Port 3306:3306 of service "db" (MySQL/MariaDB) is published on all host interfaces: bind it to 127.0.0.1 (from &ports on line 2)', severity: 'error' }],
    },
    {
      name: 'long syntax in flow style: host_ip inside the braces',
      code: 'services:\n  cache:\n    image: redis:7\n    ports:\n      - {target: 6379, published: 6379}\n',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 40, message: 'Port 6379:6379 of service "cache" (Redis) is published on all host interfaces: bind it to 127.0.0.1', severity: 'error' }],
      output: 'services:\n  cache:\n    image: redis:7\n    ports:\n      - {target: 6379, published: 6379, host_ip: 127.0.0.1}\n',
    },
  ],
});
