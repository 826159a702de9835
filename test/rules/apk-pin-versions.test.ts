import { apkPinVersions } from '../../server/src/rules/dockerfile/apk-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(apkPinVersions, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1 git~2.45\n',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual=.build-deps gcc=13.2.1-r0\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps curl && apk del .deps\n',
      findings: [
        { line: 2, column: 40, endLine: 2, endColumn: 44, message: '"curl" is not pinned: use curl=<version> in apk add' },
      ],
    },
    {
      name: 'in a || chain',
      code: 'FROM alpine:3.20\nRUN apk update || true; apk add -U bash\n',
      findings: [
        { line: 2, column: 36, endLine: 2, endColumn: 40, message: '"bash" is not pinned: use bash=<version> in apk add' },
      ],
    },
  ],
});
