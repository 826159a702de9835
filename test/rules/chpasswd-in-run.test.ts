import { chpasswdInRun } from '../../server/src/rules/dockerfile/chpasswd-in-run';
import { ruleTable } from '../rule-table';

ruleTable(chpasswdInRun, {
  valid: [
    'FROM debian:12\nRUN useradd --no-log-init app\nUSER app\n',
    'FROM debian:12\nRUN echo "chpasswd is not run here" > /etc/motd\n',
    'FROM debian:12\nCMD ["chpasswd"]\n',
  ],
  invalid: [
    {
      name: 'a plaintext password piped in',
      code: 'FROM debian:12\nRUN useradd app && echo "app:changeme" | chpasswd\n',
      findings: [{ line: 2, column: 42, endLine: 2, endColumn: 50, message: 'chpasswd sets a password in the image: every container shares it, and the image history keeps it' }],
    },
    {
      name: 'a hashed password, inside sh -c, on a continuation line',
      code: 'FROM alpine:3.20\nRUN adduser -D app \\\n  && sh -c "echo app:$HASH | /usr/sbin/chpasswd -e"\n',
      findings: [{ line: 3, column: 30, endLine: 3, endColumn: 48, message: 'chpasswd sets a password in the image: every container shares it, and the image history keeps it' }],
    },
  ],
});
