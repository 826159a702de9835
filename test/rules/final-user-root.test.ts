import { finalUserRoot } from '../../server/src/rules/dockerfile/final-user-root';
import { ruleTable } from '../rule-table';

ruleTable(finalUserRoot, {
  valid: [
    'FROM alpine:3.20\nUSER app\nCMD ["app"]\n',
    'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nUSER node\nCMD ["node", "a.js"]\n',
    'FROM debian:12 AS base\nUSER 1000\nFROM base\nCMD ["x"]\n',
    'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n',
    '# nothing yet\n',
  ],
  invalid: [
    {
      name: 'no USER, fix before CMD (useradd on Debian)',
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 18, message: 'No USER in the final stage: the container runs as root' }],
      output:
        'FROM node:22-slim\nCOPY . /app\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nCMD ["node", "/app/server.js"]\n',
    },
    {
      name: 'alpine: adduser, appended at the end when there is no CMD',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS runtime\nCOPY --from=build /src/app /app',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 28, message: 'No USER in stage "runtime": the container runs as root' }],
      output:
        'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS runtime\nCOPY --from=build /src/app /app\nRUN addgroup -S app && adduser -S -G app -H -D app\nUSER app',
    },
    {
      name: 'scratch gets a numeric user',
      code: 'FROM scratch\r\nCOPY app /app\r\nENTRYPOINT ["/app"]\r\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: 'No USER in the final stage: the container runs as root' }],
      output: 'FROM scratch\r\nCOPY app /app\r\nUSER 65532:65532\r\nENTRYPOINT ["/app"]\r\n',
    },
    {
      name: 'last USER is root',
      code: 'FROM debian:12\nUSER app\nRUN true\nUSER root\n',
      findings: [{ line: 4, column: 1, endLine: 4, endColumn: 10, message: 'The final stage switches to root: the container runs as root' }],
      fixTitles: ['Run as a non-root user (USER 10001)'],
    },
  ],
});
