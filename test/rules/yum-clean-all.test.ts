import { yumCleanAll } from '../../server/src/rules/dockerfile/yum-clean-all';
import { ruleTable } from '../rule-table';

ruleTable(yumCleanAll, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n',
    'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n',
  ],
  invalid: [
    {
      name: 'the script ends inside an unclosed quote: no fix',
      code: "FROM centos:7\nRUN yum install -y httpd 'mod_ssl\n",
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 16, message: '`yum install` without `yum clean all` in the same RUN: the package cache stays in the layer' },
      ],
      fixTitles: [],
    },
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 16, message: '`yum install` without `yum clean all` in the same RUN: the package cache stays in the layer' },
      ],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'clean before the install does not count',
      code: 'FROM centos:7\nRUN yum clean all && yum -y install httpd \\\n    && echo done\n',
      findings: [
        { line: 2, column: 22, endLine: 2, endColumn: 36, message: '`yum install` without `yum clean all` in the same RUN: the package cache stays in the layer' },
      ],
      output: 'FROM centos:7\nRUN yum clean all && yum -y install httpd \\\n    && echo done && yum clean all\n',
    },
    {
      name: 'heredoc gets a new line',
      code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nEOF\n',
      findings: [
        { line: 3, column: 1, endLine: 3, endColumn: 12, message: '`yum install` without `yum clean all` in the same RUN: the package cache stays in the layer' },
      ],
      output: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nyum clean all\nEOF\n',
    },
  ],
});
