import { copyEntireFilesystem } from '../../server/src/rules/dockerfile/copy-entire-filesystem';
import { ruleTable } from '../rule-table';

ruleTable(copyEntireFilesystem, {
  valid: [
    'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a /out /\n',
    'FROM alpine:3.20\nCOPY / /\n',
    'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx\nFROM golang:1.23\nCOPY --from=xx / /\n',
    'FROM scratch AS artifacts\nCOPY out/ /\nFROM alpine:3.20\nCOPY --from=artifacts / /\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build / /\n',
      findings: [
        { line: 4, column: 1, endLine: 4, endColumn: 22, message: 'COPY --from=build / / copies the entire filesystem of "build"' },
      ],
    },
  ],
});
