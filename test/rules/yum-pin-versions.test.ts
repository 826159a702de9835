import { yumPinVersions } from '../../server/src/rules/dockerfile/yum-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(yumPinVersions, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 ./local.rpm && yum clean all\n',
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install -y httpd gcc-c++ python3-3.6.8 && yum clean all\n',
      findings: [
        { line: 2, column: 20, endLine: 2, endColumn: 25, message: '"httpd" is not pinned: use httpd-<version> in yum install' },
        { line: 2, column: 26, endLine: 2, endColumn: 33, message: '"gcc-c++" is not pinned: use gcc-c++-<version> in yum install' },
      ],
    },
  ],
});
