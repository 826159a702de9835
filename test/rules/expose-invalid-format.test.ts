import { exposeInvalidFormat } from '../../server/src/rules/dockerfile/expose-invalid-format';
import { ruleTable } from '../rule-table';

ruleTable(exposeInvalidFormat, {
  valid: ['FROM alpine:3.20\nEXPOSE 80 8000-8010/udp ${PORT:-80}\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:8080:80 8080:80/udp 9000\n',
      findings: [
        { line: 2, column: 8, endLine: 2, endColumn: 25, message: "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:8080:80'" },
        { line: 2, column: 26, endLine: 2, endColumn: 37, message: "EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80/udp'" },
      ],
      output: 'FROM alpine:3.20\nEXPOSE 80 80/udp 9000\n',
    },
  ],
});
