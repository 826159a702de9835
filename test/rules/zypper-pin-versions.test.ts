import { zypperPinVersions } from '../../server/src/rules/dockerfile/zypper-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(zypperPinVersions, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 "git>=2.43" && zypper clean\n',
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl && zypper clean\n',
      findings: [
        { line: 2, column: 33, endLine: 2, endColumn: 37, message: '"curl" is not pinned: use curl=<version> in zypper in' },
      ],
    },
  ],
});
