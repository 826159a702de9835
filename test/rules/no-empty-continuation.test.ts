import { noEmptyContinuation } from '../../server/src/rules/dockerfile/no-empty-continuation';
import { ruleTable } from '../rule-table';

ruleTable(noEmptyContinuation, {
  valid: [
    'FROM alpine:3.20\nRUN apk add \\\n# a comment\n    curl\n',
    'FROM alpine:3.20\nRUN apk add curl\n\nEXPOSE 80\n',
    { name: 'empty lines in a heredoc body', code: 'FROM alpine:3.20\nRUN <<EOF\necho a \\\n\necho b\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add \\\n\n    curl \\\n\n    git\nEXPOSE 80\n',
      findings: [
        { line: 3, column: 1, endLine: 3, endColumn: 1, message: 'Empty continuation line' },
        { line: 5, column: 1, endLine: 5, endColumn: 1, message: 'Empty continuation line' },
      ],
      output: 'FROM alpine:3.20\nRUN apk add \\\n    curl \\\n    git\nEXPOSE 80\n',
    },
    {
      name: 'white space only, CRLF',
      code: 'FROM alpine:3.20\r\nEXPOSE \\\r\n  \r\n80\r\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 3, message: 'Empty continuation line' }],
      output: 'FROM alpine:3.20\r\nEXPOSE \\\r\n80\r\n',
    },
  ],
});
