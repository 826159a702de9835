import { sudoInRun } from '../../server/src/rules/dockerfile/sudo-in-run';
import { ruleTable } from '../rule-table';

ruleTable(sudoInRun, {
  valid: [
    'FROM debian:12\nRUN apt-get update\n',
  ],
  invalid: [
    {
      name: 'root stage: sudo removed',
      code: 'FROM debian:12\nRUN sudo apt-get update && sudo -E make install\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 9, message: 'sudo apt-get: build steps run as root already; use USER to switch users' },
        { line: 2, column: 28, endLine: 2, endColumn: 32, message: 'sudo make: build steps run as root already; use USER to switch users' },
      ],
      output: 'FROM debian:12\nRUN apt-get update && make install\n',
    },
    {
      name: 'after a non-root USER: no fix',
      code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n',
      findings: [
        { line: 3, column: 5, endLine: 3, endColumn: 9, message: 'sudo apt-get: build steps run as root already; use USER to switch users' },
      ],
    },
    {
      name: 'sudo -u drops privileges: no fix',
      code: 'FROM debian:12\nRUN sudo -u app make test\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 9, message: 'sudo -u app: run as another user with USER, or gosu/su-exec/setpriv; sudo in the image lets users become root' },
      ],
    },
  ],
});
