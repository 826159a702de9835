import { copyEntireFilesystem } from '../../server/src/rules/dockerfile/copy-entire-filesystem';
import { ruleTable } from '../rule-table';

ruleTable(copyEntireFilesystem, {
  valid: [
    'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a /out /\n',
    'FROM alpine:3.20\nCOPY / /\n',
    'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx\nFROM golang:1.23\nCOPY --from=xx / /\n',
    'FROM scratch AS artifacts\nCOPY out/ /\nFROM alpine:3.20\nCOPY --from=artifacts / /\n',
    {
      name: 'a stage picked per platform among stages built FROM scratch',
      code: 'FROM scratch AS bin-linux\nCOPY out/linux/ /\nFROM scratch AS bin-windows\nCOPY out/windows/ /\nFROM bin-$TARGETOS AS bin\nFROM alpine:3.20\nCOPY --link --from=bin / /\n',
    },
  ],
  invalid: [
    {
      name: 'a stage picked per platform where one candidate is not FROM scratch',
      code: 'FROM scratch AS bin-linux\nCOPY out/linux/ /\nFROM debian:12 AS bin-windows\nFROM bin-${TARGETOS} AS bin\nFROM alpine:3.20\nCOPY --from=bin / /\n',
      findings: [{ line: 6, column: 1, endLine: 6, endColumn: 20, message: 'COPY --from=bin / / copies the entire filesystem of "bin"' }],
    },
    {
      code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build / /\n',
      findings: [
        { line: 4, column: 1, endLine: 4, endColumn: 22, message: 'COPY --from=build / / copies the entire filesystem of "build"' },
      ],
    },
  ],
});
