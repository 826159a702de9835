import { exposeProtoCasing } from '../../server/src/rules/dockerfile/expose-proto-casing';
import { ruleTable } from '../rule-table';

ruleTable(exposeProtoCasing, {
  valid: ['FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp ${PORT}/TCP\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 80/TcP 443/tcp 53/UDP\n',
      findings: [
        { line: 2, column: 8, endLine: 2, endColumn: 14, message: "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase" },
        { line: 2, column: 23, endLine: 2, endColumn: 29, message: "Defined protocol '53/UDP' in EXPOSE instruction should be lowercase" },
      ],
      output: 'FROM alpine:3.20\nEXPOSE 80/tcp 443/tcp 53/udp\n',
    },
  ],
});
