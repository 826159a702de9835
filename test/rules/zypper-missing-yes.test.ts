import { zypperMissingYes } from '../../server/src/rules/dockerfile/zypper-missing-yes';
import { ruleTable } from '../rule-table';

ruleTable(zypperMissingYes, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl\n',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n',
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper in curl && zypper clean\n',
      findings: [
        { line: 2, column: 23, endLine: 2, endColumn: 32, message: '`zypper in` without -y: the build cannot answer the confirmation prompt and aborts' },
      ],
      output: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper in -y curl && zypper clean\n',
    },
  ],
});
