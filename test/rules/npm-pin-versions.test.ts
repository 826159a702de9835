import { npmPinVersions } from '../../server/src/rules/dockerfile/npm-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(npmPinVersions, {
  valid: [
    'FROM node:22-slim\nRUN npm install\n',
    'FROM node:22-slim\nRUN npm install -g typescript@5.6.3 @angular/cli@18.2.0 ./local git+https://github.com/a/b.git#v1.0.0 pkg.tgz\n',
    'FROM node:22-slim\nRUN npm ci && npm run build\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nRUN npm install -g typescript @angular/cli\n',
      findings: [
        { line: 2, column: 20, endLine: 2, endColumn: 30, message: '"typescript" is not pinned: use typescript@<version> in npm install' },
        { line: 2, column: 31, endLine: 2, endColumn: 43, message: '"@angular/cli" is not pinned: use @angular/cli@<version> in npm install' },
      ],
    },
    {
      name: 'npm i with a git URL without a commit',
      code: 'FROM node:22-slim\nRUN npm i --save git+https://github.com/a/b.git\n',
      findings: [
        { line: 2, column: 18, endLine: 2, endColumn: 48, message: '"git+https://github.com/a/b.git" is not pinned: use git+https://github.com/a/b.git#<commit> in npm i' },
      ],
    },
  ],
});
