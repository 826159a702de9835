import { shellChangeViaLn } from '../../server/src/rules/dockerfile/shell-change-via-ln';
import { ruleTable } from '../rule-table';

ruleTable(shellChangeViaLn, {
  valid: [
    'FROM debian:12\nRUN ln -s /usr/bin/python3 /usr/bin/python\n',
    'FROM gcr.io/distroless/base:debug\nRUN ln -s /busybox/sh /bin/sh\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n',
      findings: [
        { line: 2, column: 22, endLine: 2, endColumn: 29, message: 'ln replaces /bin/sh: use the SHELL instruction to change the shell of RUN steps' },
      ],
    },
  ],
});
