import { copyMultipleDestSlash } from '../../server/src/rules/dockerfile/copy-multiple-dest-slash';
import { ruleTable } from '../rule-table';

ruleTable(copyMultipleDestSlash, {
  valid: [
    { name: 'a comment line inside the continuation holds no destination (`#\\c` included)', code: 'FROM alpine:3.20\nCOPY a b \\\n#\\c\n' },
    'FROM alpine:3.20\nCOPY a b /app/\n',
    'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nkey one two three\nEOF\n',
    'FROM alpine:3.20\nCOPY a /app\n',
    'FROM alpine:3.20\nCOPY a b $DEST\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nCOPY package.json package-lock.json /app\n',
      findings: [
        { line: 2, column: 37, endLine: 2, endColumn: 41, message: 'COPY of 2 sources into "/app": a destination for several sources must end with /' },
      ],
      output: 'FROM alpine:3.20\nCOPY package.json package-lock.json /app/\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nADD ["a", "b", "/srv"]\n',
      findings: [
        { line: 2, column: 16, endLine: 2, endColumn: 22, message: 'ADD of 2 sources into "/srv": a destination for several sources must end with /' },
      ],
      output: 'FROM alpine:3.20\nADD ["a", "b", "/srv/"]\n',
    },
    {
      name: 'quoted destination',
      code: 'FROM alpine:3.20\nCOPY --chown=app a b "/my-app"\n',
      findings: [
        { line: 2, column: 22, endLine: 2, endColumn: 31, message: 'COPY of 2 sources into "/my-app": a destination for several sources must end with /' },
      ],
      output: 'FROM alpine:3.20\nCOPY --chown=app a b "/my-app/"\n',
    },
  ],
});
