import { dnfPinVersions } from '../../server/src/rules/dockerfile/dnf-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(dnfPinVersions, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 @development-tools && dnf clean all\n',
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install -y httpd && microdnf install nginx && dnf clean all\n',
      findings: [
        { line: 2, column: 20, endLine: 2, endColumn: 25, message: '"httpd" is not pinned: use httpd-<version> in dnf install' },
        { line: 2, column: 46, endLine: 2, endColumn: 51, message: '"nginx" is not pinned: use nginx-<version> in microdnf install' },
      ],
    },
  ],
});
