import { shellFormCmd } from '../../server/src/rules/dockerfile/shell-form-cmd';
import { ruleTable } from '../rule-table';

ruleTable(shellFormCmd, {
  valid: [
    'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    { name: 'only the final stage counts', code: 'FROM node:22 AS build\nCMD npm test\nFROM node:22-slim\nCMD ["node", "a.js"]\n' },
    { name: 'an explicit SHELL makes the shell deliberate', code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nCMD ./start.sh && wait\n' },
    { name: 'an overridden CMD does not count', code: 'FROM alpine:3.20\nCMD echo one\nCMD ["echo", "two"]\n' },
    { name: 'ENTRYPOINT of the final stage resets the inherited CMD', code: 'FROM alpine:3.20 AS base\nCMD run me\nFROM base\nENTRYPOINT ["/app"]\n' },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD app.exe --serve\n' },
  ],
  invalid: [
    {
      name: 'plain words become exec form',
      code: 'FROM node:22-slim\nCMD node server.js --port 3000\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 31, message: 'CMD in shell form runs under /bin/sh -c: node does not receive SIGTERM and is killed after the stop timeout' }],
      output: 'FROM node:22-slim\nCMD ["node", "server.js", "--port", "3000"]\n',
    },
    {
      name: 'shell features: sh -c with exec before the last command, continuation joined',
      code: 'FROM alpine:3.20\nENTRYPOINT cd /app && \\\n    ./server --port "$PORT"\n',
      findings: [
        {
          line: 2,
          column: 12,
          endLine: 3,
          endColumn: 28,
          message: 'ENTRYPOINT in shell form runs under /bin/sh -c: ./server does not receive SIGTERM and is killed after the stop timeout, and CMD and `docker run` arguments are ignored',
        },
      ],
      output: 'FROM alpine:3.20\nENTRYPOINT ["sh", "-c", "cd /app && exec ./server --port \\"$PORT\\""]\n',
    },
    {
      name: 'exec already there: dropped for plain words',
      code: 'FROM python:3.12-slim\nCMD exec gunicorn app:app\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 26, message: 'CMD in shell form runs under /bin/sh -c: gunicorn does not receive SIGTERM and is killed after the stop timeout' }],
      output: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
    },
    {
      name: 'a pipe: the sh -c conversion is offered but not preferred',
      code: 'FROM alpine:3.20\nCMD app | tee /log\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: 'CMD in shell form runs under /bin/sh -c: tee does not receive SIGTERM and is killed after the stop timeout' }],
      fixTitles: ['Convert to exec form through sh -c'],
    },
    {
      name: 'inherited from a base stage of the file',
      code: 'FROM alpine:3.20 AS base\nCMD  ./run\nFROM base\nRUN true\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 11, message: 'CMD in shell form runs under /bin/sh -c: ./run does not receive SIGTERM and is killed after the stop timeout' }],
      output: 'FROM alpine:3.20 AS base\nCMD  ["./run"]\nFROM base\nRUN true\n',
    },
    {
      name: 'backtick escape directive',
      code: '# escape=`\nFROM alpine:3.20\nCMD node `\n  server.js\n',
      findings: [{ line: 3, column: 5, endLine: 4, endColumn: 12, message: 'CMD in shell form runs under /bin/sh -c: node does not receive SIGTERM and is killed after the stop timeout' }],
      output: '# escape=`\nFROM alpine:3.20\nCMD ["node", "server.js"]\n',
    },
  ],
});
