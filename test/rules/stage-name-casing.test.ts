import { stageNameCasing } from '../../server/src/rules/dockerfile/stage-name-casing';
import { ruleTable } from '../rule-table';

ruleTable(stageNameCasing, {
  valid: ['FROM alpine:3.20 AS builder-base\nRUN true\n', 'FROM alpine:3.20\n', 'FROM alpine:3.20 AS build_amd64\n'],
  invalid: [
    {
      name: 'renames the stage and every reference to it',
      code: 'FROM alpine:3.20 AS BuilderBase\nRUN echo hi\nFROM BuilderBase AS final\nCOPY --from=BuilderBase /a /b\nRUN --mount=type=cache,from=BuilderBase,target=/x true\n',
      findings: [{ line: 1, column: 21, endLine: 1, endColumn: 32, message: "Stage name 'BuilderBase' should be lowercase" }],
      output: 'FROM alpine:3.20 AS builderbase\nRUN echo hi\nFROM builderbase AS final\nCOPY --from=builderbase /a /b\nRUN --mount=type=cache,from=builderbase,target=/x true\n',
    },
    {
      name: 'no fix when the lower-case name is taken',
      code: 'FROM alpine AS Base\nFROM alpine AS base\n',
      findings: [{ line: 1, column: 16, endLine: 1, endColumn: 20, message: "Stage name 'Base' should be lowercase" }],
    },
  ],
});
