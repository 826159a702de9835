import { composePrivilegedHostPort } from '../../server/src/rules/compose/compose-privileged-host-port';
import { ruleTable } from '../rule-table';

ruleTable(composePrivilegedHostPort, {
  valid: ['services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80", "8443:443", "53"]\n'],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:8080"\n      - "127.0.0.1:443:8443"\n      - "8080:80"\n',
      findings: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, message: 'Service "web" publishes privileged host port 80' },
        { line: 6, column: 9, endLine: 6, endColumn: 29, message: 'Service "web" publishes privileged host port 443' },
      ],
    },
  ],
});
