import { exposeSshPort } from '../../server/src/rules/dockerfile/expose-ssh-port';
import { ruleTable } from '../rule-table';

ruleTable(exposeSshPort, {
  valid: [
    'FROM ubuntu:24.04\nEXPOSE 2222 8080 222 ${SSH_PORT}\n',
    { name: 'ARG values of other stages and ARGs before FROM not declared in the stage', code: 'ARG P=22\nFROM ubuntu:24.04 AS a\nARG Q=22\nFROM ubuntu:24.04\nARG PORT=2222\nEXPOSE $P $Q ${PORT}\n' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nEXPOSE 22 8080\nEXPOSE 20-30/tcp 2222\n',
      findings: [
        { line: 2, column: 8, endLine: 2, endColumn: 10, message: 'Port 22 (SSH) is exposed' },
        { line: 3, column: 8, endLine: 3, endColumn: 17, message: 'Port 22 (SSH) is exposed by the range 20-30' },
      ],
    },
    {
      name: 'ports from ARG defaults and ENV values, a global ARG declared in the stage, a parent stage',
      code: 'ARG SSH=22\nFROM ubuntu:24.04 AS base\nARG P=22\nENV RANGE=${P}-30\nFROM base\nARG SSH\nEXPOSE $P ${RANGE}/tcp ${SSH}\n',
      findings: [
        { line: 7, column: 8, endLine: 7, endColumn: 10, message: 'Port 22 (SSH) is exposed ($P is 22)' },
        { line: 7, column: 11, endLine: 7, endColumn: 23, message: 'Port 22 (SSH) is exposed by the range 22-30 (${RANGE}/tcp is 22-30/tcp)' },
        { line: 7, column: 24, endLine: 7, endColumn: 30, message: 'Port 22 (SSH) is exposed (${SSH} is 22)' },
      ],
    },
    {
      code: 'FROM ubuntu:24.04\nEXPOSE 22/tcp\n',
      findings: [{ line: 2, column: 8, endLine: 2, endColumn: 14, message: 'Port 22 (SSH) is exposed' }],
    },
  ],
});
