import { dnfCleanAll } from '../../server/src/rules/dockerfile/dnf-clean-all';
import { ruleTable } from '../rule-table';

ruleTable(dnfCleanAll, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y nginx && microdnf clean all\n',
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install -y httpd\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 16, message: '`dnf install` without `dnf clean all` in the same RUN: the package cache stays in the layer' },
      ],
      output: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    },
    {
      name: 'microdnf',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y nginx\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 21, message: '`microdnf install` without `microdnf clean all` in the same RUN: the package cache stays in the layer' },
      ],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y nginx && microdnf clean all\n',
    },
  ],
});
