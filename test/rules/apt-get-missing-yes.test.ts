import { aptGetMissingYes } from '../../server/src/rules/dockerfile/apt-get-missing-yes';
import { ruleTable } from '../rule-table';

ruleTable(aptGetMissingYes, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    'FROM debian:12\nRUN apt-get -qq install curl\n',
    'FROM debian:12\nRUN apt-get install --assume-yes curl && apt-get --yes remove vim\n',
    'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n',
    'FROM debian:12\nRUN yes | apt-get install curl\n',
    'FROM debian:12\nRUN apt-get update\n',
    'FROM debian:12\nRUN echo apt-get install curl\n',
    'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
      findings: [{ line: 2, column: 23, endLine: 2, endColumn: 38, message: '`apt-get install` without -y: when apt asks for confirmation, the build cannot answer and aborts' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'sudo, env prefix, continuation without a space before the escape',
      code: 'FROM ubuntu:24.04\nRUN DEBIAN_FRONTEND=noninteractive sudo apt install\\\n    curl \\\n && apt-get -q upgrade\n',
      findings: [
        { line: 2, column: 41, endLine: 2, endColumn: 52, message: '`apt install` without -y: when apt asks for confirmation, the build cannot answer and aborts' },
        { line: 4, column: 5, endLine: 4, endColumn: 23, message: '`apt-get upgrade` without -y: when apt asks for confirmation, the build cannot answer and aborts' },
      ],
      output: 'FROM ubuntu:24.04\nRUN DEBIAN_FRONTEND=noninteractive sudo apt install -y\\\n    curl \\\n && apt-get -q upgrade -y\n',
    },
    {
      name: 'inside a case arm',
      code: 'FROM debian:12\nRUN case "$(dpkg --print-architecture)" in \\\n      amd64|arm64) apt-get install libfoo ;; \\\n      *) apt-get install -y libbar ;; \\\n    esac\n',
      findings: [{ line: 3, column: 20, endLine: 3, endColumn: 35, message: '`apt-get install` without -y: when apt asks for confirmation, the build cannot answer and aborts' }],
      output: 'FROM debian:12\nRUN case "$(dpkg --print-architecture)" in \\\n      amd64|arm64) apt-get install -y libfoo ;; \\\n      *) apt-get install -y libbar ;; \\\n    esac\n',
    },
    {
      name: 'behind timeout and xargs: a pipe into xargs gives apt-get no answers',
      code: 'FROM debian:12\nRUN timeout -s KILL 600 apt-get install curl && cat /packages.txt | xargs -r -n 1 apt-get install\n',
      findings: [
        { line: 2, column: 25, endLine: 2, endColumn: 40, message: '`apt-get install` without -y: when apt asks for confirmation, the build cannot answer and aborts' },
        { line: 2, column: 83, endLine: 2, endColumn: 98, message: '`apt-get install` without -y: when apt asks for confirmation, the build cannot answer and aborts' },
      ],
      output: 'FROM debian:12\nRUN timeout -s KILL 600 apt-get install -y curl && cat /packages.txt | xargs -r -n 1 apt-get install -y\n',
    },
    {
      name: 'inside bash -c',
      code: "FROM debian:12\nRUN bash -c 'apt-get install curl'\n",
      findings: [{ line: 2, column: 14, endLine: 2, endColumn: 29, message: '`apt-get install` without -y: when apt asks for confirmation, the build cannot answer and aborts' }],
      output: "FROM debian:12\nRUN bash -c 'apt-get install -y curl'\n",
    },
    {
      name: 'heredoc script, CRLF',
      code: 'FROM debian:12\r\nRUN <<EOF\r\napt-get update\r\napt-get install curl\r\nEOF\r\n',
      findings: [{ line: 4, column: 1, endLine: 4, endColumn: 16, message: '`apt-get install` without -y: when apt asks for confirmation, the build cannot answer and aborts' }],
      output: 'FROM debian:12\r\nRUN <<EOF\r\napt-get update\r\napt-get install -y curl\r\nEOF\r\n',
    },
  ],
});
