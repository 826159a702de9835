import { copyFromOwnStage } from '../../server/src/rules/dockerfile/copy-from-own-stage';
import { ruleTable } from '../rule-table';

ruleTable(copyFromOwnStage, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS build\nCOPY --from=build /src/app /app\n',
      findings: [
        { line: 2, column: 13, endLine: 2, endColumn: 18, message: 'COPY --from=build names its own stage: a stage cannot copy from itself' },
      ],
    },
    {
      name: 'by index',
      code: 'FROM golang:1.23\nRUN true\nFROM alpine:3.20\nCOPY --from=1 /a /a\n',
      findings: [
        { line: 4, column: 13, endLine: 4, endColumn: 14, message: 'COPY --from=1 names its own stage: a stage cannot copy from itself' },
      ],
    },
  ],
});
