import { fromAsCasing } from '../../server/src/rules/dockerfile/from-as-casing';
import { ruleTable } from '../rule-table';

ruleTable(fromAsCasing, {
  valid: ['FROM debian:12 AS builder\n', 'from debian:12 as builder\n', 'FROM debian:12\n', 'From debian:12 as builder\n'],
  invalid: [
    {
      code: 'FROM debian:12 as builder\nFROM builder AS final\n',
      findings: [{ line: 1, column: 16, endLine: 1, endColumn: 18, message: "'as' and 'FROM' keywords' casing do not match" }],
      output: 'FROM debian:12 AS builder\nFROM builder AS final\n',
    },
    {
      code: 'from debian:12 AS builder\n',
      findings: [{ line: 1, column: 16, endLine: 1, endColumn: 18, message: "'AS' and 'from' keywords' casing do not match" }],
      output: 'from debian:12 as builder\n',
    },
  ],
});
