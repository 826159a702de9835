import { missingPipefail } from '../../server/src/rules/dockerfile/missing-pipefail';
import { ruleTable } from '../rule-table';

ruleTable(missingPipefail, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | bash\n',
    'FROM debian:12\nRUN set -eo pipefail; curl -fsSL https://example.com/x | bash\n',
    'FROM debian:12\nRUN a || b\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n',
    'FROM debian:12 AS base\nSHELL ["/bin/bash", "-euxo", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
  ],
  invalid: [
    {
      name: 'bash image: SHELL added once before the first RUN',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | bash\nRUN echo a | tee /b\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 53, message: 'Pipe without pipefail: if curl fails, the RUN still succeeds' },
        { line: 3, column: 5, endLine: 3, endColumn: 20, message: 'Pipe without pipefail: if echo fails, the RUN still succeeds' },
      ],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | bash\nRUN echo a | tee /b\n',
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
      name: 'unknown image: no fix',
      code: 'FROM example.com/custom:1\nRUN a | b\n',
      findings: [
        { line: 2, column: 5, endLine: 2, endColumn: 10, message: 'Pipe without pipefail: if a fails, the RUN still succeeds' },
      ],
    },
  ],
});
