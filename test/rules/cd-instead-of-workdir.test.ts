import { cdInsteadOfWorkdir } from '../../server/src/rules/dockerfile/cd-instead-of-workdir';
import { ruleTable } from '../rule-table';

ruleTable(cdInsteadOfWorkdir, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nRUN npm ci\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nRUN cd /app && npm ci && cd -\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 7, message: 'cd /app in a RUN: use WORKDIR /app to change directory' },
        { line: 2, column: 26, endLine: 2, endColumn: 28, message: 'cd - in a RUN: use WORKDIR <absolute path> to change directory' },
      ],
    },
  ],
});
