import { chmodWorldWritable } from '../../server/src/rules/dockerfile/chmod-world-writable';
import { ruleTable } from '../rule-table';

ruleTable(chmodWorldWritable, {
  valid: ['FROM alpine:3.20\nRUN chmod 755 /z && chmod +x /bin/a && chmod 1777 /tmp/x && chmod -R g+w /app && chmod 644 /f\nCOPY --chmod=0755 app /app\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN chmod -R 777 /app && chmod 0666 /etc/app.conf && chmod a+rwx /data && chmod o+w,g+w /y\nCOPY --chmod=777 app /app\n',
      findings: [
        { line: 2, column: 14, endLine: 2, endColumn: 17, message: 'chmod 777 makes /app writable by every user' },
        { line: 2, column: 32, endLine: 2, endColumn: 36, message: 'chmod 0666 makes /etc/app.conf writable by every user' },
        { line: 2, column: 60, endLine: 2, endColumn: 65, message: 'chmod a+rwx makes /data writable by every user' },
        { line: 2, column: 81, endLine: 2, endColumn: 88, message: 'chmod o+w,g+w makes /y writable by every user' },
        { line: 3, column: 6, endLine: 3, endColumn: 17, message: 'chmod 777 makes /app writable by every user' },
      ],
      output: 'FROM alpine:3.20\nRUN chmod -R 777 /app && chmod 0644 /etc/app.conf && chmod a+rwx /data && chmod o+w,g+w /y\nCOPY --chmod=755 app /app\n',
    },
    {
      name: 'recursive: the fix is offered, not preferred',
      code: 'FROM debian:12\nRUN chmod --recursive 0777 /var/lib/app\n',
      findings: [{ line: 2, column: 23, endLine: 2, endColumn: 27, message: 'chmod 0777 makes /var/lib/app writable by every user' }],
      fixTitles: ['Use 0755 (then give the writing user ownership)'],
      output: 'FROM debian:12\nRUN chmod --recursive 0777 /var/lib/app\n',
    },
  ],
});
