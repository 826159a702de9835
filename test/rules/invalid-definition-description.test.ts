import { invalidDefinitionDescription } from '../../server/src/rules/dockerfile/invalid-definition-description';
import { ruleTable } from '../rule-table';
import { withQuickFixesPreferred } from './quick-fix';

ruleTable(invalidDefinitionDescription, {
  valid: [
    '# build compiles the server\nFROM golang:1.22 AS build\n# VERSION sets the release\nARG VERSION=1\n',
    '# a note\n\nFROM golang:1.22 AS build\n# a note\n#\nFROM alpine AS x\n',
    { name: 'unnamed stages and pragmas', code: '# syntax=docker/dockerfile:1\nFROM alpine AS base\n# just a note\nFROM alpine\n# hadolint ignore=DL3006\nFROM foo AS bar\n' },
    { name: 'any key of a multi-pair ARG', code: 'FROM alpine\n# B is the second\nARG A=1 B=2\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine AS base\n# install the toolchain\nFROM golang:1.22 AS tools\n# the versions\nARG A=1 B=2\n# the version\nARG VERSION\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 24, message: 'Comment for FROM should follow the format: `# tools <description>`' },
        { line: 4, column: 1, endLine: 4, endColumn: 15, message: 'Comment for ARG should follow the format: `# <arg_key> <description>`' },
        { line: 6, column: 1, endLine: 6, endColumn: 14, message: 'Comment for ARG should follow the format: `# VERSION <description>`' },
      ],
      fixTitles: ['Separate the comment from the instruction'],
      // --fix leaves the layout alone: the fix is only offered.
      output: 'FROM alpine AS base\n# install the toolchain\nFROM golang:1.22 AS tools\n# the versions\nARG A=1 B=2\n# the version\nARG VERSION\n',
    },
  ],
});

ruleTable(withQuickFixesPreferred(invalidDefinitionDescription), {
  valid: [],
  invalid: [
    {
      name: 'quick fix: an empty line after each comment',
      code: 'FROM alpine AS base\n# install the toolchain\nFROM golang:1.22 AS tools\n# the version\nARG VERSION\n',
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 24, message: 'Comment for FROM should follow the format: `# tools <description>`' },
        { line: 4, column: 1, endLine: 4, endColumn: 14, message: 'Comment for ARG should follow the format: `# VERSION <description>`' },
      ],
      output: 'FROM alpine AS base\n# install the toolchain\n\nFROM golang:1.22 AS tools\n# the version\n\nARG VERSION\n',
    },
    {
      name: 'quick fix: the comment line ends in a lone CR (the empty line goes before it, not into a CRLF)',
      code: 'FROM alpine AS base\n# the tools\rFROM golang:1.22 AS tools\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 12, message: 'Comment for FROM should follow the format: `# tools <description>`' }],
      output: 'FROM alpine AS base\n# the tools\n\rFROM golang:1.22 AS tools\n',
    },
  ],
});
