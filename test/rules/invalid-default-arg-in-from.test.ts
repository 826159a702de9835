import { invalidDefaultArgInFrom } from '../../server/src/rules/dockerfile/invalid-default-arg-in-from';
import { ruleTable } from '../rule-table';

ruleTable(invalidDefaultArgInFrom, {
  valid: [
    'ARG TAG=1.36\nFROM busybox:${TAG}\n',
    {
      name: 'empty is fine when the name stays valid; quotes, platform ARGs, chained defaults',
      code: 'ARG VARIANT\nARG ALPINE_TAG=3.20 REG="ghcr.io"\nARG IMG=${REG}/team/app:1\nFROM busybox:stable${VARIANT}\nFROM alpine:"${ALPINE_TAG}"\nFROM build_${TARGETARCH} AS x\nFROM ${IMG}\n',
    },
  ],
  invalid: [
    {
      code: 'ARG TAG\nFROM busybox:${TAG}\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 20, message: 'Default value for ARG busybox:${TAG} results in empty or invalid base image name' }],
    },
    {
      code: 'ARG BASE\nFROM ${BASE} AS main\nFROM Alpine:${X}\n',
      findings: [
        { line: 2, column: 6, endLine: 2, endColumn: 13, message: 'Default value for ARG ${BASE} results in empty or invalid base image name' },
        { line: 3, column: 6, endLine: 3, endColumn: 17, message: 'Default value for ARG Alpine:${X} results in empty or invalid base image name' },
      ],
    },
  ],
});
