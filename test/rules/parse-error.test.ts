import { parseError } from '../../server/src/rules/dockerfile/parse-error';
import { ruleTable } from '../rule-table';

ruleTable(parseError, {
  valid: [
    'ARG BASE=alpine:3.20\nFROM ${BASE} AS app\nRUN echo hi\nCMD ["app"]\n',
    'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
    'FROM alpine:3.20\nRUN [ -f /etc/os-release ] && echo ok\n',
    'FROM alpine:3.20\nONBUILD RUN echo later\nCMD\n',
    '# only a comment\n',
    '',
    { name: 'a last line ending in an escaped escape character does not continue', code: 'FROM alpine:3.20\nCOPY a C:\\\\dir\\\\\n' },
  ],
  invalid: [
    {
      name: 'typo in a keyword, lower case kept',
      code: 'FROM alpine:3.20\nrnu apk add curl\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 4, message: 'Unknown instruction "rnu": did you mean RUN?' }],
      output: 'FROM alpine:3.20\nrun apk add curl\n',
    },
    {
      name: 'a command continued without its escape',
      code: 'FROM debian:12\nRUN apt-get update &&\n    apt-get install -y curl\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 12, message: 'Unknown instruction "apt-get": line 2 ends with && but no \\ to continue the command on this line' }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'unknown word without a close keyword',
      code: 'FROM alpine:3.20\n{% if x %}\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 3, message: 'Unknown instruction "{%"' }],
    },
    {
      name: 'FROM without an image (half-typed)',
      code: 'FROM \n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 5, message: 'FROM needs an image: FROM <image>[:<tag>] [AS <name>]' }],
    },
    {
      name: 'AS without a name',
      code: 'FROM node:22 AS\n',
      findings: [{ line: 1, column: 14, endLine: 1, endColumn: 16, message: 'AS needs a stage name: FROM node:22 AS <name>' }],
    },
    {
      name: 'stage name without AS',
      code: 'FROM node:22 build\n',
      findings: [{ line: 1, column: 14, endLine: 1, endColumn: 19, message: 'Expected "AS <name>" after the image node:22, found "build"' }],
    },
    {
      name: 'ENV without a value',
      code: 'FROM alpine:3.20\nENV NODE_ENV\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 13, message: 'ENV NODE_ENV needs a value: ENV NODE_ENV=<value>' }],
    },
    {
      name: 'HEALTHCHECK half-typed',
      code: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD\nFROM alpine:3.20\nHEALTHCHECK curl -f http://x/\n',
      findings: [
        { line: 2, column: 27, endLine: 2, endColumn: 30, message: 'HEALTHCHECK CMD needs a command to run' },
        { line: 4, column: 13, endLine: 4, endColumn: 17, message: 'HEALTHCHECK expects CMD <command> or NONE, found "curl"' },
      ],
    },
    {
      name: 'RUN with only options',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 4, message: 'RUN needs a command (only options were given)' }],
    },
    {
      name: 'COPY with one argument',
      code: 'FROM alpine:3.20\nCOPY app\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 9, message: 'COPY needs a source and a destination: only "app" was given' }],
    },
    {
      name: 'malformed JSON: single quotes, repaired in place',
      code: "FROM node:22-slim\nCMD ['node', 'server.js']\n",
      findings: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 26,
          message: 'CMD looks like exec form but is not a valid JSON array of strings (single quotes): Docker takes it as a shell command',
        },
      ],
      output: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'malformed JSON: trailing comma across a continuation',
      code: 'FROM node:22-slim\nENTRYPOINT ["node", \\\n  "server.js",]\n',
      findings: [
        {
          line: 2,
          column: 12,
          endLine: 3,
          endColumn: 16,
          message: 'ENTRYPOINT looks like exec form but is not a valid JSON array of strings (trailing comma): Docker takes it as a shell command',
        },
      ],
      output: 'FROM node:22-slim\nENTRYPOINT ["node", \\\n  "server.js"]\n',
    },
    {
      name: 'malformed JSON without a repair',
      code: 'FROM node:22-slim\nCMD ["node" "server.js"]\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 25, message: 'CMD looks like exec form but is not a valid JSON array of strings (a comma is missing between elements): Docker takes it as a shell command' }],
    },
    {
      name: 'the file ends inside a continuation',
      code: 'FROM alpine:3.20\nRUN apk add curl \\\n',
      findings: [{ line: 2, column: 18, endLine: 2, endColumn: 19, severity: 'warning', message: 'The file ends inside a continuation: line 2 ends with \\ but no line follows' }],
      output: 'FROM alpine:3.20\nRUN apk add curl\n',
    },
    {
      name: 'the file ends inside a continuation after an escaped escape character',
      code: 'FROM alpine:3.20\nCOPY a C:\\\\dir\\\\ \\\n',
      findings: [{ line: 2, column: 18, endLine: 2, endColumn: 19, severity: 'warning', message: 'The file ends inside a continuation: line 2 ends with \\ but no line follows' }],
      output: 'FROM alpine:3.20\nCOPY a C:\\\\dir\\\\\n',
    },
  ],
});
