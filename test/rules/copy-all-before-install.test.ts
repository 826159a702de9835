import { copyAllBeforeInstall } from '../../server/src/rules/dockerfile/copy-all-before-install';
import { ruleTable } from '../rule-table';

ruleTable(copyAllBeforeInstall, {
  valid: [
    'FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
    'FROM golang:1.22\nCOPY go.mod go.sum ./\nCOPY . .\nRUN go mod download\n',
    'FROM node:22 AS build\nCOPY . .\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
  ],
  invalid: [
    {
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 9, message: 'COPY of the whole context before "npm ci": every source change re-runs the install; copy the dependency manifest first, install, then copy the rest' }],
    },
    {
      code: 'FROM python:3.12\nCOPY ./ /app\nRUN pip install -r /app/requirements.txt\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 13, message: 'COPY of the whole context before "pip install -r": every source change re-runs the install; copy the dependency manifest first, install, then copy the rest' }],
    },
  ],
});
