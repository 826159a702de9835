import { chmodWorldWritable } from '../../server/src/rules/dockerfile/chmod-world-writable';
import { ruleTable } from '../rule-table';

const WORLD = 'writable by every user';

ruleTable(chmodWorldWritable, {
  valid: [
    'FROM alpine:3.20\nRUN chmod 755 /z && chmod +x /bin/a && chmod 1777 /tmp/x && chmod -R g+w /app && chmod 644 /f\nCOPY --chmod=0755 app /app\n',
    { name: 'symbolic modes by their net effect', code: 'FROM alpine:3.20\nRUN chmod a+rwX,o-w /data && chmod a+rwxt /tmp/shared && chmod +w /f && chmod =rwx /g && chmod o+w,o=rx /h\n' },
    { name: 'mkdir, install and find with safe modes', code: 'FROM alpine:3.20\nRUN mkdir -p -m 755 /d && install -d -m 0750 /e && install -o app -m 644 a /etc/b && find /d -exec chmod 755 {} +\n' },
    {
      name: 'a build stage whose files never reach the image',
      code: 'FROM alpine:3.20 AS scratchpad\nRUN chmod -R 777 /work\nCOPY --chmod=777 tool /tool\nFROM alpine:3.20 AS build\nRUN echo built > /out\nFROM alpine:3.20\nCOPY --from=build /out /out\n',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN chmod -R 777 /app && chmod 0666 /etc/app.conf && chmod a+rwx /data && chmod o+w,g+w /y\nCOPY --chmod=777 app /app\n',
      findings: [
        { line: 2, column: 14, endLine: 2, endColumn: 17, message: `chmod 777 makes /app ${WORLD}` },
        { line: 2, column: 32, endLine: 2, endColumn: 36, message: `chmod 0666 makes /etc/app.conf ${WORLD}` },
        { line: 2, column: 60, endLine: 2, endColumn: 65, message: `chmod a+rwx makes /data ${WORLD}` },
        { line: 2, column: 81, endLine: 2, endColumn: 88, message: `chmod o+w,g+w makes /y ${WORLD}` },
        { line: 3, column: 6, endLine: 3, endColumn: 17, message: `chmod 777 makes /app ${WORLD}` },
      ],
      output: 'FROM alpine:3.20\nRUN chmod -R 777 /app && chmod 0644 /etc/app.conf && chmod a+rwx /data && chmod o+w,g+w /y\nCOPY --chmod=755 app /app\n',
    },
    {
      name: 'recursive: the fix is offered, not preferred',
      code: 'FROM debian:12\nRUN chmod --recursive 0777 /var/lib/app\n',
      findings: [{ line: 2, column: 23, endLine: 2, endColumn: 27, message: `chmod 0777 makes /var/lib/app ${WORLD}` }],
      fixTitles: ['Use 0755 (then give the writing user ownership)'],
      output: 'FROM debian:12\nRUN chmod --recursive 0777 /var/lib/app\n',
    },
    {
      name: 'symbolic clauses that end world-writable',
      code: 'FROM alpine:3.20\nRUN chmod a+rwxt,o-t /a && chmod o-w,a+w /b && chmod go=u /c\n',
      findings: [
        { line: 2, column: 11, endLine: 2, endColumn: 21, message: `chmod a+rwxt,o-t makes /a ${WORLD}` },
        { line: 2, column: 34, endLine: 2, endColumn: 41, message: `chmod o-w,a+w makes /b ${WORLD}` },
        { line: 2, column: 54, endLine: 2, endColumn: 58, message: `chmod go=u makes /c ${WORLD}` },
      ],
    },
    {
      name: 'find -exec chmod (recursive) and xargs chmod',
      code: 'FROM alpine:3.20\nRUN find /data -type d -exec chmod 777 {} + && ls /srv | xargs -n 1 chmod 666\n',
      findings: [
        { line: 2, column: 36, endLine: 2, endColumn: 39, message: `chmod 777 makes /data ${WORLD}` },
        { line: 2, column: 75, endLine: 2, endColumn: 78, message: `chmod 666 makes the files ${WORLD}` },
      ],
      output: 'FROM alpine:3.20\nRUN find /data -type d -exec chmod 777 {} + && ls /srv | xargs -n 1 chmod 644\n',
    },
    {
      name: 'mkdir -m and install -m, in every spelling',
      code: 'FROM alpine:3.20\nRUN install -d -m 0777 /data && mkdir -m 777 /d1 && mkdir --mode=777 /d2 && mkdir -pm777 /d3 && install -Dm 666 a /etc/b\n',
      findings: [
        { line: 2, column: 19, endLine: 2, endColumn: 23, message: `install -m 0777 makes /data ${WORLD}` },
        { line: 2, column: 42, endLine: 2, endColumn: 45, message: `mkdir -m 777 makes /d1 ${WORLD}` },
        { line: 2, column: 59, endLine: 2, endColumn: 69, message: `mkdir -m 777 makes /d2 ${WORLD}` },
        { line: 2, column: 83, endLine: 2, endColumn: 89, message: `mkdir -m 777 makes /d3 ${WORLD}` },
        { line: 2, column: 109, endLine: 2, endColumn: 112, message: `install -m 666 makes /etc/b ${WORLD}` },
      ],
      output: 'FROM alpine:3.20\nRUN install -d -m 0755 /data && mkdir -m 755 /d1 && mkdir --mode=755 /d2 && mkdir -pm755 /d3 && install -Dm 644 a /etc/b\n',
    },
    {
      name: 'a build stage copied into the image, and the stage the final one builds on',
      code: 'FROM alpine:3.20 AS build\nRUN chmod 777 /out\nFROM alpine:3.20 AS base\nRUN chmod 666 /etc/conf\nFROM base\nCOPY --from=build /out /out\n',
      findings: [
        { line: 2, column: 11, endLine: 2, endColumn: 14, message: `chmod 777 makes /out ${WORLD}` },
        { line: 4, column: 11, endLine: 4, endColumn: 14, message: `chmod 666 makes /etc/conf ${WORLD}` },
      ],
      output: 'FROM alpine:3.20 AS build\nRUN chmod 755 /out\nFROM alpine:3.20 AS base\nRUN chmod 644 /etc/conf\nFROM base\nCOPY --from=build /out /out\n',
    },
  ],
});
