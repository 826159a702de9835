import { addInsteadOfCopy } from '../../server/src/rules/dockerfile/add-instead-of-copy';
import { ruleTable } from '../rule-table';

ruleTable(addInsteadOfCopy, {
  valid: [
    'FROM alpine:3.20\nADD https://example.com/app.tar.gz /opt/\n',
    'FROM alpine:3.20\nADD rootfs.tar.xz /\n',
    'FROM alpine:3.20\nADD --checksum=sha256:abc app.bin /opt/\n',
    'FROM alpine:3.20\nADD git@github.com:a/b.git /src\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD app.py requirements.txt /srv/\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 4, message: 'ADD of local files: use COPY' },
      ],
      output: 'FROM alpine:3.20\nCOPY app.py requirements.txt /srv/\n',
    },
    {
      name: 'exec form, lower case',
      code: 'FROM alpine:3.20\nadd ["conf", "/etc/app/"]\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 4, message: 'ADD of local "conf": use COPY' },
      ],
      output: 'FROM alpine:3.20\ncopy ["conf", "/etc/app/"]\n',
    },
  ],
});
