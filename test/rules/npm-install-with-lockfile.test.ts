import { npmInstallWithLockfile } from '../../server/src/rules/dockerfile/npm-install-with-lockfile';
import { ruleTable } from '../rule-table';

ruleTable(npmInstallWithLockfile, {
  valid: [
    'FROM node:22\nCOPY package.json ./\nRUN npm install\n',
    'FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci && npm install -g pm2 && npm i express\n',
    { name: 'package*.json without a lockfile in the context', code: 'FROM node:22\nCOPY package*.json ./\nRUN npm install\n', files: { 'package.json': '{}' } },
  ],
  invalid: [
    {
      code: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev && npm install -g pm2 && npm i express\n',
      findings: [{ line: 4, column: 9, endLine: 4, endColumn: 16, message: '`npm install` with a lockfile in place: use `npm ci` to install exactly the locked versions' }],
      output: 'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev && npm install -g pm2 && npm i express\n',
    },
    {
      code: 'FROM node:22\nCOPY ["package.json", "npm-shrinkwrap.json", "./"]\nRUN npm i\n',
      findings: [{ line: 3, column: 9, endLine: 3, endColumn: 10, message: '`npm i` with a lockfile in place: use `npm ci` to install exactly the locked versions' }],
      output: 'FROM node:22\nCOPY ["package.json", "npm-shrinkwrap.json", "./"]\nRUN npm ci\n',
    },
    {
      name: 'COPY . . of a context with a lockfile',
      code: 'FROM node:22\nCOPY . .\nRUN npm install\n',
      files: { 'package-lock.json': '{}' },
      findings: [{ line: 3, column: 9, endLine: 3, endColumn: 16, message: '`npm install` with a lockfile in place: use `npm ci` to install exactly the locked versions' }],
      output: 'FROM node:22\nCOPY . .\nRUN npm ci\n',
    },
  ],
});
