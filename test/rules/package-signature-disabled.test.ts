import { packageSignatureDisabled } from '../../server/src/rules/dockerfile/package-signature-disabled';
import { ruleTable } from '../rule-table';

ruleTable(packageSignatureDisabled, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && echo "deb [signed-by=/k.gpg] http://r/ x main" > /etc/apt/sources.list.d/r.list\n',
    'FROM fedora:40\nRUN dnf install -y --nodocs curl && rpm --import /k.asc\n',
    'FROM alpine:3.20\nRUN apk index --allow-untrusted -o /pkgs/APKINDEX.tar.gz /pkgs/*.apk && abuild-sign /pkgs/APKINDEX.tar.gz\n',
  ],
  invalid: [
    {
      code:
        'FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y --force-yes git\nRUN echo "deb [trusted=yes] http://repo.example.com/ stable main" > /etc/apt/sources.list.d/x.list\nRUN apk add --allow-untrusted /tmp/x.apk\nRUN rpm -i --nosignature x.rpm && yum install -y --nogpgcheck y && dnf install --nogpgcheck -y z\n',
      findings: [
        { line: 2, column: 42, endLine: 2, endColumn: 65, message: 'apt-get --allow-unauthenticated installs packages without verifying their signatures' },
        { line: 3, column: 16, endLine: 3, endColumn: 51, message: 'apt-get -o APT::Get::AllowUnauthenticated=true installs packages without verifying their signatures' },
        { line: 3, column: 63, endLine: 3, endColumn: 74, message: 'apt-get --force-yes installs packages without verifying their signatures' },
        { line: 4, column: 10, endLine: 4, endColumn: 66, message: 'An APT source marked [trusted=yes] is used without verifying its signatures' },
        { line: 5, column: 13, endLine: 5, endColumn: 30, message: 'apk --allow-untrusted installs packages without verifying their signatures' },
        { line: 6, column: 12, endLine: 6, endColumn: 25, message: 'rpm --nosignature installs packages without verifying their signatures' },
        { line: 6, column: 50, endLine: 6, endColumn: 62, message: 'yum --nogpgcheck installs packages without verifying their signatures' },
        { line: 6, column: 80, endLine: 6, endColumn: 92, message: 'dnf --nogpgcheck installs packages without verifying their signatures' },
      ],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\nRUN echo "deb [trusted=yes] http://repo.example.com/ stable main" > /etc/apt/sources.list.d/x.list\nRUN apk add /tmp/x.apk\nRUN rpm -i x.rpm && yum install -y y && dnf install -y z\n',
    },
    {
      name: 'apt configuration written by the script',
      code: 'FROM debian:12\nRUN echo \'APT::Get::AllowUnauthenticated "true";\' > /etc/apt/apt.conf.d/99unsafe\nRUN printf \'Acquire::AllowInsecureRepositories "1";\\n\' > /etc/apt/apt.conf.d/98unsafe\n',
      findings: [
        { line: 2, column: 10, endLine: 2, endColumn: 50, message: 'The apt setting APT::Get::AllowUnauthenticated "true" installs packages without verifying their signatures' },
        { line: 3, column: 12, endLine: 3, endColumn: 55, message: 'The apt setting Acquire::AllowInsecureRepositories "1" installs packages without verifying their signatures' },
      ],
    },
  ],
});
