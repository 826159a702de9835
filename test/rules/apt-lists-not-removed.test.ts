import { aptListsNotRemoved } from '../../server/src/rules/dockerfile/apt-lists-not-removed';
import { ruleTable } from '../rule-table';

const MESSAGE = '`apt-get update` without `rm -rf /var/lib/apt/lists/*` in the same RUN: the package lists stay in the image';

ruleTable(aptListsNotRemoved, {
  valid: [
    { name: 'a lone update is left to package-update-alone', code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y curl\n',
    'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /app /app\n',
    'FROM debian:12\nRUN apt-get install -y curl\n',
    'FROM debian:13\nRUN set -ex; apt-get update; apt-get install -y --no-install-recommends rsync; apt-get dist-clean\n',
    'FROM debian:12\nRUN ["apt-get", "update"]\n',
  ],
  invalid: [
    {
      name: 'the script ends inside an unclosed quote: no fix (the cleanup would be quoted text)',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl "\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: MESSAGE, severity: 'info' }],
      fixTitles: [],
    },
    {
      name: 'the script ends inside an unclosed backtick: no fix',
      code: 'FROM debian:12\nRUN apt-get update; apt-get install -y `curl\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: MESSAGE, severity: 'info' }],
      fixTitles: [],
    },
    {
      name: 'a heredoc body whose last line ends with a backslash: no fix (the cleanup would continue apt-get install)',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl \\\nEOF\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 15, message: MESSAGE, severity: 'info' }],
      fixTitles: [],
    },
    {
      name: 'an unterminated heredoc: no fix',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 15, message: MESSAGE, severity: 'info' }],
      fixTitles: [],
    },
    {
      name: 'a shell-form RUN that feeds a heredoc: the cleanup joins the command line, not the heredoc body',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && cat <<EOF > /etc/motd\nhello\nEOF\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: MESSAGE, severity: 'info' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && cat <<EOF > /etc/motd \\\n    && rm -rf /var/lib/apt/lists/*\nhello\nEOF\n',
    },
    {
      name: 'one line: the cleanup goes on a continuation line',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: MESSAGE, severity: 'info' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'leading && style keeps its indentation; a trailing comment stays last',
      code: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl # tools\nCMD ["bash"]\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: MESSAGE, severity: 'info' }],
      output: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/* # tools\nCMD ["bash"]\n',
    },
    {
      name: 'trailing && style, backtick escape, CRLF',
      code: '# escape=`\r\nFROM debian:12\r\nRUN apt-get update && `\r\n\tapt-get install -y curl\r\n',
      findings: [{ line: 3, column: 5, endLine: 3, endColumn: 19, message: MESSAGE, severity: 'info' }],
      output: '# escape=`\r\nFROM debian:12\r\nRUN apt-get update && `\r\n\tapt-get install -y curl && `\r\n\trm -rf /var/lib/apt/lists/*\r\n',
    },
    {
      name: 'heredoc: a last line inside the heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\n  apt-get update\n  apt-get install -y curl\nEOF\n',
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 17, message: MESSAGE, severity: 'info' }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\n  apt-get update\n  apt-get install -y curl\n  rm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'update without an install: reported without a fix',
      code: 'FROM debian:12\nRUN apt-get update && apt-cache policy curl\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      findings: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 19,
          message: '`apt-get update` with no install after it in this RUN: the package lists stay in this layer (update, install and remove the lists in one RUN)',
          severity: 'info',
        },
      ],
    },
  ],
});
