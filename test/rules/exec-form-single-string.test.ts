import { execFormSingleString } from '../../server/src/rules/dockerfile/exec-form-single-string';
import { ruleTable } from '../rule-table';

ruleTable(execFormSingleString, {
  valid: [
    'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    'FROM alpine:3.20\nCMD ["sh", "-c", "node server.js"]\n',
    { name: 'CMD as arguments of an ENTRYPOINT', code: 'FROM alpine:3.20\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["node server.js"]\n' },
    { name: 'Windows path', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ["C:\\\\Program Files\\\\app\\\\app.exe"]\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nCMD ["node server.js"]\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 22, message: 'CMD runs a program literally named "node server.js": exec form does not split on spaces, so it fails with "no such file or directory"' }],
      output: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
      fixTitles: ['Split into "node", "server.js"'],
    },
    {
      name: 'more elements after it, on a continuation line',
      code: 'FROM debian:12\nRUN ["apt-get install", \\\n     "-y", "curl"]\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 23, message: 'RUN runs a program literally named "apt-get install": exec form does not split on spaces, so it fails with "no such file or directory"' }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", \\\n     "-y", "curl"]\n',
    },
    {
      name: 'shell features as the only element: sh -c with exec',
      code: 'FROM alpine:3.20\nENTRYPOINT ["./migrate && ./server"]\n',
      findings: [
        {
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 36,
          message: 'ENTRYPOINT runs a program literally named "./migrate && ./server": exec form does not split on spaces, so it fails with "no such file or directory"',
        },
      ],
      output: 'FROM alpine:3.20\nENTRYPOINT ["sh", "-c", "./migrate && exec ./server"]\n',
    },
    {
      name: 'HEALTHCHECK CMD',
      code: 'FROM alpine:3.20\nHEALTHCHECK --interval=10s CMD ["wget -q --spider http://localhost/"]\n',
      findings: [
        {
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 69,
          message: 'HEALTHCHECK runs a program literally named "wget -q --spider http://localhost/": exec form does not split on spaces, so it fails with "no such file or directory"',
        },
      ],
      output: 'FROM alpine:3.20\nHEALTHCHECK --interval=10s CMD ["wget", "-q", "--spider", "http://localhost/"]\n',
    },
  ],
});
