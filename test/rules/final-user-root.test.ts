import { finalUserRoot } from '../../server/src/rules/dockerfile/final-user-root';
import { ruleTable } from '../rule-table';

ruleTable(finalUserRoot, {
  valid: [
    'FROM alpine:3.20\nUSER app\nCMD ["app"]\n',
    'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nUSER node\nCMD ["node", "a.js"]\n',
    'FROM debian:12 AS base\nUSER 1000\nFROM base\nCMD ["x"]\n',
    'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n',
    '# nothing yet\n',
    { name: 'distroless nonroot tag with an architecture suffix', code: 'ARG ARCH=arm64\nFROM gcr.io/distroless/base-debian12:nonroot-${ARCH}\nCOPY srv /srv\nENTRYPOINT ["/srv"]\n' },
    { name: 'a base image that already runs as a non-root user', code: 'FROM nginxinc/nginx-unprivileged:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n' },
    { name: 'Elastic images run as uid 1000', code: 'ARG ELASTIC_VERSION\nFROM docker.elastic.co/elasticsearch/elasticsearch:${ELASTIC_VERSION:-9.1.0}\nRUN elasticsearch-plugin install analysis-icu\n' },
    { name: 'built on a stage of a non-root image', code: 'FROM cgr.dev/chainguard/python:latest AS base\nWORKDIR /app\nFROM base\nCOPY app.py .\nENTRYPOINT ["python", "app.py"]\n' },
    { name: 'Nano Server defaults to ContainerUser', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY tool.exe C:/tool/\nCMD ["C:/tool/tool.exe"]\n' },
    { name: 'an artifact stage FROM scratch with no CMD or ENTRYPOINT is exported, not run', code: 'FROM golang:1.23 AS build\nRUN go build -o /out/tool .\nFROM scratch AS binary\nCOPY --from=build /out/tool /\n' },
    {
      name: 'the last stage picks one of the per-platform artifact stages',
      code: 'FROM scratch AS bin-linux\nCOPY out/tool /\nFROM scratch AS bin-windows\nCOPY out/tool.exe /\nFROM bin-$TARGETOS AS bin\nFROM bin\n',
    },
    { name: 'Windows: back to ContainerUser after an admin step', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\nRUN setx /M PATH "%PATH%;C:\\tool"\nUSER ContainerUser\n' },
  ],
  invalid: [
    {
      name: 'a per-platform stage where one candidate is a full image',
      code: 'FROM scratch AS bin-linux\nCOPY out/tool /\nFROM alpine:3.20 AS bin-windows\nFROM bin-${TARGETOS} AS bin\nFROM bin\n',
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 9, message: 'No USER in the final stage: the container runs as root' }],
      output:
        'FROM scratch AS bin-linux\nCOPY out/tool /\nFROM alpine:3.20 AS bin-windows\nFROM bin-${TARGETOS} AS bin\nFROM bin\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\n',
    },
    {
      name: 'the final stage ends in an unterminated heredoc: no fix (added lines would be part of the heredoc)',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 15, message: 'No USER in the final stage: the container runs as root' }],
      fixTitles: [],
    },
    {
      name: 'the file ends in a line continuation: no fix (added lines would continue the COPY)',
      code: 'FROM debian:12\nCOPY app /app \\\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 15, message: 'No USER in the final stage: the container runs as root' }],
      fixTitles: [],
    },
    {
      name: 'the backtick escape: a continuation into the end of the file, no fix',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:/app `',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 51, message: 'No USER in the final stage: the container runs as ContainerAdministrator' }],
      fixTitles: [],
    },
    {
      name: 'an unterminated heredoc after the CMD does not matter: the lines go before the CMD',
      code: 'FROM debian:12\nCMD ["app"]\nRUN <<EOF\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 15, message: 'No USER in the final stage: the container runs as root' }],
      output:
        'FROM debian:12\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["app"]\nRUN <<EOF\n',
    },
    {
      name: 'no USER, fix before CMD (useradd on Debian)',
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 18, message: 'No USER in the final stage: the container runs as root' }],
      output:
        'FROM node:22-slim\nCOPY . /app\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["node", "/app/server.js"]\n',
    },
    {
      name: 'a user the Dockerfile creates is reused',
      code: 'FROM alpine:3.20\nRUN addgroup -g 1000 svc && adduser -u 1000 -G svc -s /bin/sh -D svc\nCOPY app /app\nCMD ["/app"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 17, message: 'No USER in the final stage: the container runs as root' }],
      fixTitles: ['Switch to the user "svc" the image creates'],
      output: 'FROM alpine:3.20\nRUN addgroup -g 1000 svc && adduser -u 1000 -G svc -s /bin/sh -D svc\nCOPY app /app\nUSER svc\nCMD ["/app"]\n',
    },
    {
      name: 'the user goes above the comment over the CMD',
      code: 'FROM node:22-slim\nCOPY . /app\n# start the server\nCMD ["node", "/app/server.js"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 18, message: 'No USER in the final stage: the container runs as root' }],
      output:
        'FROM node:22-slim\nCOPY . /app\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\n# start the server\nCMD ["node", "/app/server.js"]\n',
    },
    {
      name: 'alpine: adduser, appended at the end when there is no CMD',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS runtime\nCOPY --from=build /src/app /app',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 28, message: 'No USER in stage "runtime": the container runs as root' }],
      output:
        'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS runtime\nCOPY --from=build /src/app /app\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001',
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
    {
      name: 'Server Core without USER runs as ContainerAdministrator',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY svc.exe C:/svc/\nCMD ["C:/svc/svc.exe"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 51, message: 'No USER in the final stage: the container runs as ContainerAdministrator' }],
      output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY svc.exe C:/svc/\nUSER ContainerUser\nCMD ["C:/svc/svc.exe"]\n',
    },
    {
      name: 'Windows admin user as the last USER',
      code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 28, message: 'The final stage switches to ContainerAdministrator: the container runs as an administrator' }],
      fixTitles: ['Run as ContainerUser'],
    },
    {
      name: 'an entrypoint that steps down with su-exec: info, fix not preferred',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache su-exec && adduser -S -D -H db\nCOPY entry.sh /usr/local/bin/\nENTRYPOINT ["entry.sh"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 17, message: 'No USER in the final stage: the container starts as root (its entrypoint may step down with su-exec; check that it does)', severity: 'info' }],
      fixTitles: ['Switch to the user "db" the image creates'],
    },
  ],
});
