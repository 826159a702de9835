import { fromPlatformFlag } from '../../server/src/rules/dockerfile/from-platform-flag';
import { ruleTable } from '../rule-table';

ruleTable(fromPlatformFlag, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.23\n',
    'FROM --platform=${BUILDPLATFORM:-linux/amd64} golang:1.23\n',
    'FROM --platform=linux/amd64 alpine:3.20\n',
    'FROM --platform=${TARGETPLATFORM} alpine:3.20\n',
  ],
  invalid: [
    {
      code: 'ARG ARCH=amd64\nFROM --platform=linux/${ARCH} debian:12\n',
      findings: [
        { line: 2, column: 6, endLine: 2, endColumn: 30, message: 'FROM --platform=linux/${ARCH} overrides the platform the build asks for' },
      ],
    },
  ],
});
