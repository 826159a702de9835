import { duplicateStageName } from '../../server/src/rules/dockerfile/duplicate-stage-name';
import { ruleTable } from '../rule-table';

ruleTable(duplicateStageName, {
  valid: [
    'FROM node:22 AS deps\nFROM deps AS build\n',
  ],
  invalid: [
    {
      code: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22 as Build\n',
      findings: [
        { line: 3, column: 17, endLine: 3, endColumn: 22, message: 'Stage name "Build" is already used on line 1' },
      ],
    },
  ],
});
