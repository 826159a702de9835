import { composeDuplicateHostPort } from '../../server/src/rules/compose/compose-duplicate-host-port';
import { ruleTable } from '../rule-table';

ruleTable(composeDuplicateHostPort, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80", "127.0.0.1:8080:80/udp"]\n  admin:\n    image: example/admin:1\n    ports: ["127.0.0.2:8080:3000", "80"]\n  api:\n    image: example/api:1\n    ports: ["80"]\n',
    { name: 'profiles that never run together', code: 'services:\n  a:\n    image: x/a:1\n    profiles: [blue]\n    ports: ["8080:80"]\n  b:\n    image: x/b:1\n    profiles: [green]\n    ports: ["8080:80"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n  admin:\n    image: example/admin:1\n    ports: ["8080:3000"]\n  other:\n    image: example/other:1\n    ports: ["127.0.0.3:9000-9001:9000-9001"]\n  dev:\n    image: example/other:1\n    profiles: [dev]\n    ports: ["127.0.0.3:9001:9000"]\n',
      findings: [
        { line: 7, column: 13, endLine: 7, endColumn: 24, message: 'Host port 8080/tcp is already published by service "web" (line 4): the second container cannot start' },
        { line: 14, column: 13, endLine: 14, endColumn: 34, message: 'Host port 9001/tcp is already published by service "other" (line 10): the second container cannot start' },
      ],
    },
  ],
});
