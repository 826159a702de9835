import { exposeSshPort } from '../../server/src/rules/dockerfile/expose-ssh-port';
import { ruleTable } from '../rule-table';

ruleTable(exposeSshPort, {
  valid: ['FROM ubuntu:24.04\nEXPOSE 2222 8080 222 ${SSH_PORT}\n'],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nEXPOSE 22 8080\nEXPOSE 20-30/tcp 2222\n',
      findings: [
        { line: 2, column: 8, endLine: 2, endColumn: 10, message: 'Port 22 (SSH) is exposed' },
        { line: 3, column: 8, endLine: 3, endColumn: 17, message: 'Port 22 (SSH) is exposed by the range 20-30' },
      ],
    },
    {
      code: 'FROM ubuntu:24.04\nEXPOSE 22/tcp\n',
      findings: [{ line: 2, column: 8, endLine: 2, endColumn: 14, message: 'Port 22 (SSH) is exposed' }],
    },
  ],
});
