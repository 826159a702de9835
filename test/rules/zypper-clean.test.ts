import { zypperClean } from '../../server/src/rules/dockerfile/zypper-clean';
import { ruleTable } from '../rule-table';

ruleTable(zypperClean, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper cc -a\n',
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 19, message: '`zypper install` without `zypper clean` in the same RUN: the package cache stays in the layer' },
      ],
      output: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean\n',
    },
  ],
});
