import { labelKeyInvalid } from '../../server/src/rules/dockerfile/label-key-invalid';
import { ruleTable } from '../rule-table';

ruleTable(labelKeyInvalid, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.title="x" com.example.v2="y" maintainer="me"\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL Maintainer_Name="Jane" com.docker.thing=1 1abc=x org..x=1 trailing-=1\n',
      findings: [
        { line: 2, column: 7, endLine: 2, endColumn: 22, message: 'Label key "Maintainer_Name" has characters other than lower-case letters, digits, dots and dashes' },
        { line: 2, column: 30, endLine: 2, endColumn: 46, message: 'Label key "com.docker.thing" uses a namespace Docker reserves' },
        { line: 2, column: 49, endLine: 2, endColumn: 53, message: 'Label key "1abc" must start with a lower-case letter' },
        { line: 2, column: 56, endLine: 2, endColumn: 62, message: 'Label key "org..x" has consecutive dots or dashes' },
        { line: 2, column: 65, endLine: 2, endColumn: 74, message: 'Label key "trailing-" must end with a letter or digit' },
      ],
    },
  ],
});
