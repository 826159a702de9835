import { aptInsteadOfAptGet } from '../../server/src/rules/dockerfile/apt-instead-of-apt-get';
import { ruleTable } from '../rule-table';

ruleTable(aptInsteadOfAptGet, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-cache policy curl\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt update && apt install -y curl && apt list --installed\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 8, message: '`apt update`: use apt-get (apt has no stable interface for scripts)' },
        { line: 2, column: 19, endLine: 2, endColumn: 22, message: '`apt install`: use apt-get (apt has no stable interface for scripts)' },
        { line: 2, column: 42, endLine: 2, endColumn: 45, message: '`apt list`: use apt-cache or dpkg-query (apt has no stable interface for scripts)' },
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt list --installed\n',
    },
  ],
});
