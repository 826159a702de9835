import { instructionBeforeFrom } from '../../server/src/rules/dockerfile/instruction-before-from';
import { ruleTable } from '../rule-table';

ruleTable(instructionBeforeFrom, {
  valid: [
    'ARG BASE=alpine:3.20\nFROM $BASE\n',
    '# syntax=docker/dockerfile:1\n# comment\nFROM alpine:3.20\n',
  ],
  invalid: [
    {
      code: 'ARG X=1\nrun echo hello\nENV A=b\nFROM alpine:3.20\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 4, message: 'run before the first FROM: a Dockerfile must begin with FROM (or ARG)' },
      ],
    },
  ],
});
