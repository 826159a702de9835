import { irrelevantCommand } from '../../server/src/rules/dockerfile/irrelevant-command';
import { ruleTable } from '../rule-table';

ruleTable(irrelevantCommand, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y vim procps\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN service nginx start && ps aux | grep nginx\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 12, message: '"service" makes no sense in a build step: there is no terminal, init system or running service' },
        { line: 2, column: 28, endLine: 2, endColumn: 30, message: '"ps" makes no sense in a build step: there is no terminal, init system or running service' },
      ],
    },
  ],
});
