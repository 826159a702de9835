import { useraddHighUidWithoutL } from '../../server/src/rules/dockerfile/useradd-high-uid-without-l';
import { ruleTable } from '../rule-table';

ruleTable(useraddHighUidWithoutL, {
  valid: [
    'FROM debian:12\nRUN useradd -u 10001 app\n',
    'FROM debian:12\nRUN useradd -l -u 1000000 app\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN groupadd -g 1000000 app && useradd --uid 1000000 -g app app\n',
      findings: [
        { line: 2, column: 32, endLine: 2, endColumn: 39, message: 'useradd with UID 1000000 and without -l: the lastlog/faillog files grow to the size of the UID' },
      ],
      output: 'FROM debian:12\nRUN groupadd -g 1000000 app && useradd -l --uid 1000000 -g app app\n',
    },
  ],
});
