import { consecutiveRun } from '../../server/src/rules/dockerfile/consecutive-run';
import { ruleTable } from '../rule-table';

ruleTable(consecutiveRun, {
  valid: [
    'FROM debian:12\nRUN apt-get update\nCOPY a /a\nRUN apt-get install -y curl\n',
    'FROM debian:12\nRUN a && b && c\nRUN d\n',
    'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache a\nRUN b\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\n# install\nRUN apt-get install -y curl\nRUN echo done\n',
      findings: [
        { line: 4, column: 1, endLine: 4, endColumn: 4, message: 'RUN directly after the RUN on line 2: consider joining them into one layer' },
        { line: 5, column: 1, endLine: 5, endColumn: 4, message: 'RUN directly after the RUN on line 4: consider joining them into one layer' },
      ],
    },
  ],
});
