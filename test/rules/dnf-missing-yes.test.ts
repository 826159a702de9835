import { dnfMissingYes } from '../../server/src/rules/dockerfile/dnf-missing-yes';
import { ruleTable } from '../rule-table';

ruleTable(dnfMissingYes, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd\n',
    'FROM fedora:40\nRUN microdnf install nginx\n',
    'FROM fedora:40\nRUN yes | dnf remove vim\n',
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install httpd && dnf clean all\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 16, message: '`dnf install` without -y: the build cannot answer the confirmation prompt and aborts' },
      ],
      output: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    },
  ],
});
