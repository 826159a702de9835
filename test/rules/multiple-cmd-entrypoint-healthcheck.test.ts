import { multipleCmdEntrypointHealthcheck } from '../../server/src/rules/dockerfile/multiple-cmd-entrypoint-healthcheck';
import { ruleTable } from '../rule-table';

ruleTable(multipleCmdEntrypointHealthcheck, {
  valid: [
    'FROM node:22 AS build\nCMD ["a"]\nFROM node:22-slim\nCMD ["b"]\n',
    'FROM node:22-slim\nENTRYPOINT ["node"]\nCMD ["server.js"]\n',
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nCMD ["node", "server.js"]\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["node", "worker.js"]\nHEALTHCHECK NONE\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 4, message: 'This CMD has no effect: the CMD on line 4 replaces it' },
        { line: 3, column: 1, endLine: 3, endColumn: 12, message: 'This HEALTHCHECK has no effect: the HEALTHCHECK on line 5 replaces it' },
      ],
      output: 'FROM node:22-slim\nCMD ["node", "worker.js"]\nHEALTHCHECK NONE\n',
    },
    {
      name: 'multi-line ENTRYPOINT removed whole',
      code: 'FROM alpine:3.20\nENTRYPOINT ["a", \\\n  "b"]\nENTRYPOINT ["c"]',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 11, message: 'This ENTRYPOINT has no effect: the ENTRYPOINT on line 4 replaces it' },
      ],
      output: 'FROM alpine:3.20\nENTRYPOINT ["c"]',
    },
  ],
});
