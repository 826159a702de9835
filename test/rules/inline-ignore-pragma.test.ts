import { inlineIgnorePragma } from '../../server/src/rules/dockerfile/inline-ignore-pragma';
import { ruleTable } from '../rule-table';

ruleTable(inlineIgnorePragma, {
  valid: [
    'FROM debian:12\n# hadolint global ignore=DL3008\nRUN true\n',
    { name: 'a pragma that names this rule is the exception itself', code: 'FROM debian:12\n# shipshape ignore=inline-ignore-pragma, DL3008\nRUN apt-get install -y curl\n# hadolint ignore=DL1001\nRUN true\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\n  # shipshape ignore=apt-pin-versions  \nRUN true\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 32, message: 'Inline hadolint ignore pragma: prefer configuring exceptions in settings' },
        { line: 4, column: 3, endLine: 4, endColumn: 38, message: 'Inline shipshape ignore pragma: prefer configuring exceptions in settings' },
      ],
    },
  ],
});
