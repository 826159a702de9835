import { missingPipefail } from '../../server/src/rules/dockerfile/missing-pipefail';
import { ruleTable } from '../rule-table';

ruleTable(missingPipefail, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | bash\n',
    'FROM debian:12\nRUN set -eo pipefail; curl -fsSL https://example.com/x | bash\n',
    'FROM debian:12\nRUN a || b\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n',
    'FROM debian:12 AS base\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
    { name: 'a checksum fed by echo or printf', code: 'FROM debian:12\nRUN echo "$TOOL_SHA256 *tool.tgz" | sha256sum -c - && printf \'%s\\n\' "$KEY" | gpg --import\n' },
    { name: 'yes feeding a prompt', code: 'FROM debian:12\nRUN yes | apt-get install curl\n' },
    { name: 'a pipe in an if condition picks a branch', code: 'FROM golang:1.23-alpine\nRUN if [ -f .git ] && head -n 1 .git | grep -q "^gitdir:"; then git worktree list; fi\n' },
    { name: 'a pipe in a while condition', code: 'FROM debian:12\nRUN while pgrep dockerd | grep -q .; do sleep 1; done\n' },
    { name: 'a negated pipe in braces tests for a match', code: 'FROM php:8.2-cli-alpine\nRUN apk add --no-cache x; \\\n    ! { ldd /usr/local/lib/ext/*.so | grep "not found"; }; \\\n    php --version\n' },
    { name: 'case patterns are not pipes', code: 'FROM debian:12.5\nRUN case "$(uname -m)" in \\\n      x86_64|amd64) a=1 ;; \\\n      (arm64 | aarch64) a=2 ;; \\\n    esac; echo "$a"\n' },
  ],
  invalid: [
    {
      name: 'the SHELL goes above the comments and pragma over the RUN',
      code: 'FROM debian:12\n# fetch the tool\n# hadolint ignore=DL3008\nRUN curl -fsSL https://example.com/t.tgz | tar -xz\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 51, message: 'Pipe without pipefail: if curl fails, the RUN still succeeds' }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n# fetch the tool\n# hadolint ignore=DL3008\nRUN curl -fsSL https://example.com/t.tgz | tar -xz\n',
    },
    {
      name: 'inside if/then: the range starts at the command, an echo pipe before it is skipped',
      code: 'FROM debian:12\nRUN echo x | md5sum; if [ -n "$URL" ]; then wget -qO- "$URL" | tar -xz; fi\n',
      findings: [{ line: 2, column: 45, endLine: 2, endColumn: 71, message: 'Pipe without pipefail: if wget fails, the RUN still succeeds' }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo x | md5sum; if [ -n "$URL" ]; then wget -qO- "$URL" | tar -xz; fi\n',
    },
    {
      name: 'bash image: SHELL added once before the first RUN',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | bash\nRUN sort a | tee /b\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 53, message: 'Pipe without pipefail: if curl fails, the RUN still succeeds' },
        { line: 3, column: 5, endLine: 3, endColumn: 20, message: 'Pipe without pipefail: if sort fails, the RUN still succeeds' },
      ],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | bash\nRUN sort a | tee /b\n',
    },
    {
      name: 'alpine uses ash',
      code: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/x | tar -xz\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 46, message: 'Pipe without pipefail: if wget fails, the RUN still succeeds' },
      ],
      output: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/x | tar -xz\n',
    },
    {
      name: 'a pipe inside a case arm',
      code: 'FROM debian:12\nRUN case "$ARCH" in \\\n      amd64|x86_64) curl -fsSL https://example.com/x | tar -xz ;; \\\n    esac\n',
      findings: [{ line: 3, column: 21, endLine: 3, endColumn: 63, message: 'Pipe without pipefail: if curl fails, the RUN still succeeds' }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN case "$ARCH" in \\\n      amd64|x86_64) curl -fsSL https://example.com/x | tar -xz ;; \\\n    esac\n',
    },
    {
      name: 'a pipe after an if block, on the right of &&, is reported',
      code: 'FROM debian:12\nRUN if a | grep -q b; then c; fi && curl -fsSL https://example.com/x | tar -xz\n',
      findings: [{ line: 2, column: 37, endLine: 2, endColumn: 79, message: 'Pipe without pipefail: if curl fails, the RUN still succeeds' }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN if a | grep -q b; then c; fi && curl -fsSL https://example.com/x | tar -xz\n',
    },
    {
      name: 'the negation covers only its own pipeline',
      code: 'FROM debian:12\nRUN ! a | grep -q b && sort c | tee d\n',
      findings: [{ line: 2, column: 24, endLine: 2, endColumn: 38, message: 'Pipe without pipefail: if sort fails, the RUN still succeeds' }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ! a | grep -q b && sort c | tee d\n',
    },
    {
      name: 'unknown image: no fix',
      code: 'FROM example.com/custom:1\nRUN a | b\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 10, message: 'Pipe without pipefail: if a fails, the RUN still succeeds' },
      ],
    },
  ],
});
