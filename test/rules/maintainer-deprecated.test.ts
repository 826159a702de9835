import { maintainerDeprecated } from '../../server/src/rules/dockerfile/maintainer-deprecated';
import { ruleTable } from '../rule-table';

ruleTable(maintainerDeprecated, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane"\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 11, message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors' },
      ],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
    },
    {
      name: 'outer quotes dropped, CRLF kept',
      code: 'FROM alpine:3.20\r\nmaintainer "Jane Doe"\r\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 11, message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors' },
      ],
      output: 'FROM alpine:3.20\r\nLABEL org.opencontainers.image.authors="Jane Doe"\r\n',
    },
  ],
});
