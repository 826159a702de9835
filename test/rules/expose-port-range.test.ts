import { exposePortRange } from '../../server/src/rules/dockerfile/expose-port-range';
import { ruleTable } from '../rule-table';

ruleTable(exposePortRange, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010 ${PORT}\n',
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nEXPOSE 80 80800/udp 9000-70000\n',
      findings: [
        { line: 2, column: 11, endLine: 2, endColumn: 20, message: 'Port 80800 is out of range: ports go from 0 to 65535' },
        { line: 2, column: 21, endLine: 2, endColumn: 31, message: 'Port 70000 is out of range: ports go from 0 to 65535' },
      ],
    },
  ],
});
