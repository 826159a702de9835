import { aptPinVersions } from '../../server/src/rules/dockerfile/apt-pin-versions';
import { ruleTable } from '../rule-table';

ruleTable(aptPinVersions, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10 ./local.deb vim/bookworm-backports\n',
    'FROM debian:12\nRUN apt-get install -y $PACKAGES\n',
    'FROM debian:12\nRUN apt-get update\n',
    { name: 'xargs: the packages come from stdin', code: 'FROM debian:12\nRUN xargs -r apt-get install -y --no-install-recommends < /packages.txt\n' },
  ],
  invalid: [
    {
      name: 'unpinned packages across a continuation, pinned ones skipped',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88 ca-certificates \\\n    git\n',
      findings: [
        { line: 2, column: 76, endLine: 2, endColumn: 91, message: '"ca-certificates" is not pinned: use ca-certificates=<version> in apt-get install' },
        { line: 3, column: 5, endLine: 3, endColumn: 8, message: '"git" is not pinned: use git=<version> in apt-get install' },
      ],
    },
    {
      name: 'behind timeout',
      code: 'FROM debian:12\nRUN timeout --kill-after=10 600 apt-get install -y vim\n',
      findings: [{ line: 2, column: 52, endLine: 2, endColumn: 55, message: '"vim" is not pinned: use vim=<version> in apt-get install' }],
    },
    {
      name: 'inside sh -c, behind a mount flag',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt sh -c "apt-get install -y vim"\n',
      findings: [
        { line: 2, column: 72, endLine: 2, endColumn: 75, message: '"vim" is not pinned: use vim=<version> in apt-get install' },
      ],
    },
    {
      name: 'apt install in a heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt install -y -o Dpkg::Options::=--force-confold jq\nEOF\n',
      findings: [
        { line: 4, column: 51, endLine: 4, endColumn: 53, message: '"jq" is not pinned: use jq=<version> in apt install' },
      ],
    },
  ],
});
