import { copyRelativeDestWithoutWorkdir } from '../../server/src/rules/dockerfile/copy-relative-dest-without-workdir';
import { ruleTable } from '../rule-table';

ruleTable(copyRelativeDestWithoutWorkdir, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n',
    'FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nCOPY . .\n',
    'FROM node:22-slim\nCOPY a /app/\nCOPY b $DIR\n',
    'FROM node:22-slim\nCOPY <<EOF /etc/app.conf\nkey value\nEOF\n',
    { name: 'scratch: relative to /', code: 'FROM golang:1.22 AS build\nWORKDIR /src\nRUN go build -o /out/tool .\nFROM scratch AS export\nCOPY --from=build /out/ .\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nCOPY package.json ./\nWORKDIR /app\nCOPY . .\n',
      findings: [
        { line: 2, column: 19, endLine: 2, endColumn: 21, message: 'COPY to the relative path "./" without a WORKDIR: it lands wherever the base image\'s WORKDIR is' },
      ],
    },
    {
      name: 'exec form',
      code: 'FROM node:22-slim\nADD ["src", "app/src"]\n',
      findings: [
        { line: 2, column: 13, endLine: 2, endColumn: 22, message: 'ADD to the relative path "app/src" without a WORKDIR: it lands wherever the base image\'s WORKDIR is' },
      ],
    },
  ],
});
