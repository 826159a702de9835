import { yarnCacheClean } from '../../server/src/rules/dockerfile/yarn-cache-clean';
import { ruleTable } from '../rule-table';

ruleTable(yarnCacheClean, {
  valid: [
    'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    'FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile --production\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 17, message: '`yarn install` without `yarn cache clean` in the same RUN: the package cache stays in the layer' },
      ],
      output: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile --production && yarn cache clean\n',
    },
  ],
});
