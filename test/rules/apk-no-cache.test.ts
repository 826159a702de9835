import { apkNoCache } from '../../server/src/rules/dockerfile/apk-no-cache';
import { ruleTable } from '../rule-table';

ruleTable(apkNoCache, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.20\nRUN apk --no-cache add curl\n',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n',
    'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n',
    'FROM alpine:3.20 AS build\nRUN apk add build-base\nFROM scratch\nCOPY --from=build /x /x\n',
    'FROM alpine:3.20\nRUN apk info curl\n',
    'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --virtual .deps curl\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 12, message: '`apk add` without --no-cache keeps the package index in the image', severity: 'info' }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps curl\n',
    },
    {
      name: 'a base stage of the final stage is shipped',
      code: 'FROM alpine:3.20 AS base\nRUN set -eux; \\\n\tapk add --update git\nFROM base\nCMD ["git"]\n',
      findings: [{ line: 3, column: 2, endLine: 3, endColumn: 9, message: '`apk add` without --no-cache keeps the package index in the image', severity: 'info' }],
      output: 'FROM alpine:3.20 AS base\nRUN set -eux; \\\n\tapk add --no-cache --update git\nFROM base\nCMD ["git"]\n',
    },
  ],
});
