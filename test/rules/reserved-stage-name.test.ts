import { reservedStageName } from '../../server/src/rules/dockerfile/reserved-stage-name';
import { ruleTable } from '../rule-table';

ruleTable(reservedStageName, {
  valid: [
    'FROM golang:1.23 AS build\nFROM scratch\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS scratch\nFROM alpine:3.20 AS Context\n',
      findings: [
        { line: 1, column: 21, endLine: 1, endColumn: 28, message: '"scratch" is a reserved word and cannot name a stage' },
        { line: 2, column: 21, endLine: 2, endColumn: 28, message: '"Context" is a reserved word and cannot name a stage' },
      ],
    },
  ],
});
