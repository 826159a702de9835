import { redundantTargetPlatform } from '../../server/src/rules/dockerfile/redundant-target-platform';
import { ruleTable } from '../rule-table';

ruleTable(redundantTargetPlatform, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n',
    'FROM alpine:3.20\n',
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS base\nFROM --platform=${TARGETPLATFORM}  base\n',
      findings: [
        { line: 1, column: 6, endLine: 1, endColumn: 32, message: '--platform=$TARGETPLATFORM is the default: remove it' },
        { line: 2, column: 6, endLine: 2, endColumn: 34, message: '--platform=$TARGETPLATFORM is the default: remove it' },
      ],
      output: 'FROM alpine:3.20 AS base\nFROM base\n',
    },
  ],
});
