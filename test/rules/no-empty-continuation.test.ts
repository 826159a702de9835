import { noEmptyContinuation } from '../../server/src/rules/dockerfile/no-empty-continuation';
import { ruleTable } from '../rule-table';

ruleTable(noEmptyContinuation, {
  valid: [
    'FROM alpine:3.20\nRUN apk add \\\n# a comment\n    curl\n',
    'FROM alpine:3.20\nRUN apk add curl\n\nEXPOSE 80\n',
    { name: 'empty lines in a heredoc body', code: 'FROM alpine:3.20\nRUN <<EOF\necho a \\\n\necho b\nEOF\n' },
    { name: 'only empty lines after a continuation into the end of the file', code: 'FROM alpine:3.20\nRUN apk add curl \\\n\n\n' },
  ],
  invalid: [
    {
      name: 'several empty lines: each one\'s fix deletes them all (deleting one would move the next into its place)',
      code: 'FROM alpine:3.20\nRUN apk add \\\n\n\n    curl \\\n# git too\n\n    git\n',
      findings: [
        { line: 3, column: 1, endLine: 3, endColumn: 1, message: 'Empty continuation line' },
        { line: 4, column: 1, endLine: 4, endColumn: 1, message: 'Empty continuation line' },
        { line: 7, column: 1, endLine: 7, endColumn: 1, message: 'Empty continuation line' },
      ],
      fixTitles: ['Delete the 3 empty lines'],
      output: 'FROM alpine:3.20\nRUN apk add \\\n    curl \\\n# git too\n    git\n',
    },
    {
      name: 'empty lines after a continuation into the end of the file are left to parse-error',
      code: 'FROM alpine:3.20\nRUN apk add \\\n\n    curl \\\n\n\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 1, message: 'Empty continuation line' }],
      output: 'FROM alpine:3.20\nRUN apk add \\\n    curl \\\n\n\n',
    },
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
