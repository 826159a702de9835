import { aptNoInstallRecommends } from '../../server/src/rules/dockerfile/apt-no-install-recommends';
import { ruleTable } from '../rule-table';

ruleTable(aptNoInstallRecommends, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
    'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n',
    'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/90norecommends\nRUN apt-get install -y curl\n',
    'FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      findings: [{ line: 2, column: 23, endLine: 2, endColumn: 38, message: '`apt-get install` without --no-install-recommends also installs recommended packages' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'behind timeout and xargs',
      code: 'FROM debian:12\nRUN timeout 600 apt-get install -y curl\nRUN xargs -a /packages.txt apt-get install -y\n',
      findings: [
        { line: 2, column: 17, endLine: 2, endColumn: 32, message: '`apt-get install` without --no-install-recommends also installs recommended packages' },
        { line: 3, column: 28, endLine: 3, endColumn: 43, message: '`apt-get install` without --no-install-recommends also installs recommended packages' },
      ],
      output: 'FROM debian:12\nRUN timeout 600 apt-get install --no-install-recommends -y curl\nRUN xargs -a /packages.txt apt-get install --no-install-recommends -y\n',
    },
    {
      name: 'in sh -c with double quotes, and ONBUILD',
      code: 'FROM debian:12\nRUN sh -c "apt-get -y install curl"\nONBUILD RUN apt install -y git\n',
      findings: [
        { line: 2, column: 12, endLine: 2, endColumn: 30, message: '`apt-get install` without --no-install-recommends also installs recommended packages' },
        { line: 3, column: 13, endLine: 3, endColumn: 24, message: '`apt install` without --no-install-recommends also installs recommended packages' },
      ],
      output: 'FROM debian:12\nRUN sh -c "apt-get -y install --no-install-recommends curl"\nONBUILD RUN apt install --no-install-recommends -y git\n',
    },
  ],
});
