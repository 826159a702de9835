import { wgetProgress } from '../../server/src/rules/dockerfile/wget-progress';
import { ruleTable } from '../rule-table';

ruleTable(wgetProgress, {
  valid: [
    'FROM debian:12\nRUN wget -q https://example.com/a\n',
    'FROM debian:12\nRUN wget -nv https://example.com/a && wget --progress=bar:force https://example.com/b && wget -qO- https://example.com/c\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget https://example.com/app.tar.gz\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 9, message: 'wget without --progress, -q or -nv: the progress output floods the build log' },
      ],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/app.tar.gz\n',
    },
    {
      name: 'BusyBox wget: no fix',
      code: 'FROM alpine:3.20\nRUN wget https://example.com/app.tar.gz\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 9, message: 'wget without --progress, -q or -nv: the progress output floods the build log' },
      ],
    },
  ],
});
