import { osUpgradeInBuild } from '../../server/src/rules/dockerfile/os-upgrade-in-build';
import { ruleTable } from '../rule-table';

ruleTable(osUpgradeInBuild, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --only-upgrade openssl\n',
    'FROM centos:7\nRUN yum update -y openssl\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade && apk upgrade\n',
      findings: [
        { line: 2, column: 23, endLine: 2, endColumn: 46, message: '`apt-get dist-upgrade` upgrades the whole base image: the result changes from build to build' },
        { line: 2, column: 50, endLine: 2, endColumn: 61, message: '`apk upgrade` upgrades the whole base image: the result changes from build to build' },
      ],
    },
    {
      name: 'yum update and zypper dup',
      code: 'FROM centos:7\nRUN yum -y update && zypper -n dup\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 18, message: '`yum update` upgrades the whole base image: the result changes from build to build' },
        { line: 2, column: 22, endLine: 2, endColumn: 35, message: '`zypper dup` upgrades the whole base image: the result changes from build to build' },
      ],
    },
  ],
});
