import { addRemoteWithoutChecksum } from '../../server/src/rules/dockerfile/add-remote-without-checksum';
import { ruleTable } from '../rule-table';

ruleTable(addRemoteWithoutChecksum, {
  valid: [
    'FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/x /x\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\nADD local.tar.gz /opt/\nCOPY https.txt /\n',
    { name: 'variables that are not URLs, or not in scope', code: 'ARG URL=https://example.com/a.tgz\nFROM alpine:3.20\nARG SRC=vendor/a.tgz\nARG REPO=https://github.com/moby/buildkit.git#v0.14.0\nADD ${URL} $SRC $REPO /x/\nADD --checksum=sha256:abc ${URL} /y\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\nADD ["https://example.com/a", "/a"]\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 36, message: 'ADD downloads https://example.com/tool.tar.gz without --checksum: a changed or tampered file would be used unnoticed' },
        { line: 3, column: 6, endLine: 3, endColumn: 29, message: 'ADD downloads https://example.com/a without --checksum: a changed or tampered file would be used unnoticed' },
      ],
    },
    {
      name: 'a URL from an ARG default, a global ARG and an ENV value',
      code: 'ARG MIRROR=https://mirror.example.com\nFROM alpine:3.20\nARG URL=https://example.com/a.tgz\nARG MIRROR\nENV TOOL=${MIRROR}/tool\nADD ${URL} /x\nADD ["$TOOL", "/tool"]\n',
      findings: [
        { line: 6, column: 5, endLine: 6, endColumn: 11, message: 'ADD downloads https://example.com/a.tgz without --checksum: a changed or tampered file would be used unnoticed' },
        { line: 7, column: 6, endLine: 7, endColumn: 13, message: 'ADD downloads https://mirror.example.com/tool without --checksum: a changed or tampered file would be used unnoticed' },
      ],
    },
  ],
});
