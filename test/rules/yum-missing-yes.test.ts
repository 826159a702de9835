import { yumMissingYes } from '../../server/src/rules/dockerfile/yum-missing-yes';
import { ruleTable } from '../rule-table';

ruleTable(yumMissingYes, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    'FROM centos:7\nRUN yum --assumeyes update && yum clean all\n',
    'FROM centos:7\nRUN yum list installed\n',
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install httpd && yum clean all\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 16, message: '`yum install` without -y: the build cannot answer the confirmation prompt and aborts' },
      ],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'groupinstall over a continuation',
      code: 'FROM centos:7\nRUN yum -q groupinstall \\\n    "Development Tools"\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 24, message: '`yum groupinstall` without -y: the build cannot answer the confirmation prompt and aborts' },
      ],
      output: 'FROM centos:7\nRUN yum -q groupinstall -y \\\n    "Development Tools"\n',
    },
  ],
});
