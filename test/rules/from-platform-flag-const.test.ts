import { fromPlatformFlagConst } from '../../server/src/rules/dockerfile/from-platform-flag-const';
import { ruleTable } from '../rule-table';

ruleTable(fromPlatformFlagConst, {
  valid: [
    'FROM alpine:3.20 AS base\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    { name: 'the stage name says it is platform-specific', code: 'FROM --platform=linux/amd64 alpine AS build_amd64\nFROM --platform=linux/arm64 alpine AS build-linux\n' },
    { name: 'unreadable values are left to invalid-base-image-platform', code: 'FROM --platform=foo alpine:3.20\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 alpine:3.20 AS base\nFROM --platform=linux/x86_64 alpine:3.20\n',
      findings: [
        { line: 1, column: 6, endLine: 1, endColumn: 28, message: 'FROM --platform flag should not use constant value "linux/amd64"' },
        { line: 2, column: 6, endLine: 2, endColumn: 29, message: 'FROM --platform flag should not use constant value "linux/x86_64"' },
      ],
    },
  ],
});
