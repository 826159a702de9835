import { workdirSystemPath } from '../../server/src/rules/dockerfile/workdir-system-path';
import { ruleTable } from '../rule-table';

ruleTable(workdirSystemPath, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app\n',
    'FROM alpine:3.20\nWORKDIR /srv/proc\n',
    'FROM alpine:3.20\nWORKDIR /device\n',
    'FROM alpine:3.20\nWORKDIR /bootstrap\n',
    'FROM alpine:3.20\nWORKDIR $HOME/dev\n',
    'FROM alpine:3.20\nWORKDIR dev\n',
  ],
  invalid: [
    {
      name: 'runtime mounts: error',
      code: 'FROM alpine:3.20\nWORKDIR /proc/app\nWORKDIR "/dev/"\nWORKDIR /sys\nWORKDIR /srv/../proc/x\n',
      findings: [
        { line: 2, column: 9, endLine: 2, endColumn: 18, message: 'WORKDIR /proc/app is inside /proc, which the container runtime mounts over: what the image puts there is hidden when the container runs' },
        { line: 3, column: 9, endLine: 3, endColumn: 16, message: 'WORKDIR /dev/ is inside /dev, which the container runtime mounts over: what the image puts there is hidden when the container runs' },
        { line: 4, column: 9, endLine: 4, endColumn: 13, message: 'WORKDIR /sys is inside /sys, which the container runtime mounts over: what the image puts there is hidden when the container runs' },
        { line: 5, column: 9, endLine: 5, endColumn: 23, message: 'WORKDIR /srv/../proc/x is inside /proc, which the container runtime mounts over: what the image puts there is hidden when the container runs' },
      ],
    },
    {
      name: 'host boot directories: warning',
      code: 'FROM alpine:3.20\nWORKDIR /boot/app\nWORKDIR /initrd\nWORKDIR /lost+found/x\n',
      findings: [
        { line: 2, column: 9, endLine: 2, endColumn: 18, severity: 'warning', message: 'WORKDIR /boot/app is inside /boot, a host boot directory with no use in a container: use a directory such as /app' },
        { line: 3, column: 9, endLine: 3, endColumn: 16, severity: 'warning', message: 'WORKDIR /initrd is inside /initrd, a host boot directory with no use in a container: use a directory such as /app' },
        { line: 4, column: 9, endLine: 4, endColumn: 22, severity: 'warning', message: 'WORKDIR /lost+found/x is inside /lost+found, a host boot directory with no use in a container: use a directory such as /app' },
      ],
    },
  ],
});
