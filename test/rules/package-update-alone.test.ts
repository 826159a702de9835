import { packageUpdateAlone } from '../../server/src/rules/dockerfile/package-update-alone';
import { ruleTable } from '../rule-table';

ruleTable(packageUpdateAlone, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'upgrades are not index refreshes', code: 'FROM rockylinux:9\nRUN yum update -y\n' },
    'FROM alpine:3.20\nRUN apk update && apk add curl\n',
  ],
  invalid: [
    {
      name: 'moved into the next RUN',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 19, message: '"apt-get update" runs alone in its RUN: its cached layer goes stale; refresh and install in one RUN' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'no fix when the next instruction is not a RUN',
      code: 'FROM alpine:3.20\nRUN apk update\nCOPY a b\nRUN set -e; apk update\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 15, message: '"apk update" runs alone in its RUN: its cached layer goes stale; refresh and install in one RUN' },
        { line: 4, column: 1, endLine: 4, endColumn: 23, message: '"apk update" runs alone in its RUN: its cached layer goes stale; refresh and install in one RUN' },
      ],
    },
    {
      name: 'no fix when the refresh ends inside an open quote (the next script would land in it)',
      code: "FROM debian:12\nRUN apt-get update '\nRUN apt-get install -y curl\n",
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 21, message: '"apt-get update" runs alone in its RUN: its cached layer goes stale; refresh and install in one RUN' }],
    },
  ],
});
