import { legacyKeyValueFormat } from '../../server/src/rules/dockerfile/legacy-key-value-format';
import { ruleTable } from '../rule-table';

ruleTable(legacyKeyValueFormat, {
  valid: ['FROM alpine:3.20\nENV NODE_ENV=production A="x y"\nLABEL a=b\n', 'FROM alpine:3.20\nARG foo bar\nARG VERSION\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV NODE_ENV production\nLABEL maintainer "Jane Doe"\nENV DEPS \\\n    curl \\\n    git\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 24, message: '"ENV key=value" should be used instead of legacy "ENV key value" format' },
        { line: 3, column: 7, endLine: 3, endColumn: 28, message: '"LABEL key=value" should be used instead of legacy "LABEL key value" format' },
        { line: 4, column: 5, endLine: 6, endColumn: 8, message: '"ENV key=value" should be used instead of legacy "ENV key value" format' },
      ],
      output: 'FROM alpine:3.20\nENV NODE_ENV=production\nLABEL maintainer="Jane Doe"\nENV DEPS="curl \\\n    git"\n',
    },
    {
      name: 'spaces in the value: quoted by the fix',
      code: 'FROM alpine:3.20\nENV GREETING hello world\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 25, message: '"ENV key=value" should be used instead of legacy "ENV key value" format' }],
      output: 'FROM alpine:3.20\nENV GREETING="hello world"\n',
    },
    {
      name: 'no fix when the value holds a double quote',
      code: 'FROM alpine:3.20\nENV MSG he said "hi"\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 21, message: '"ENV key=value" should be used instead of legacy "ENV key value" format' }],
    },
  ],
});
