import { copyFromUnknownStage } from '../../server/src/rules/dockerfile/copy-from-unknown-stage';
import { ruleTable } from '../rule-table';

ruleTable(copyFromUnknownStage, {
  valid: [
    'FROM golang:1.23 AS builder\nRUN true\nFROM alpine:3.20\nCOPY --from=builder /a /a\nCOPY --from=0 /b /b\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/org/tool /tool /tool\n',
    'FROM alpine:3.20\nCOPY --from=${BASE} /a /a\n',
  ],
  invalid: [
    {
      name: 'typo of a stage name',
      code: 'FROM golang:1.23 AS builder\nRUN true\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n',
      findings: [
        { line: 4, column: 13, endLine: 4, endColumn: 20, message: 'COPY --from=buidler: no stage of that name above; unless the build passes --build-context buidler=…, it is pulled as the image "buidler"' },
      ],
    },
    {
      name: 'stage defined later, index not yet defined',
      code: 'FROM alpine:3.20\nCOPY --from=assets /a /a\nCOPY --from=1 /b /b\nFROM node:22 AS assets\n',
      findings: [
        { line: 2, column: 13, endLine: 2, endColumn: 19, message: 'COPY --from=assets: stage "assets" is defined later (line 4); a stage can only copy from earlier ones' },
        { line: 3, column: 13, endLine: 3, endColumn: 14, message: 'COPY --from=1: stage 1 is not defined before this one' },
      ],
    },
  ],
});
