import { addRemoteWithoutChecksum } from '../../server/src/rules/dockerfile/add-remote-without-checksum';
import { ruleTable } from '../rule-table';

ruleTable(addRemoteWithoutChecksum, {
  valid: ['FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/x /x\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\nADD local.tar.gz /opt/\nCOPY https.txt /\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\nADD ["https://example.com/a", "/a"]\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 36, message: 'ADD downloads https://example.com/tool.tar.gz without --checksum: a changed or tampered file would be used unnoticed' },
        { line: 3, column: 6, endLine: 3, endColumn: 29, message: 'ADD downloads https://example.com/a without --checksum: a changed or tampered file would be used unnoticed' },
      ],
    },
  ],
});
