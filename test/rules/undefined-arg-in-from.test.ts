import { undefinedArgInFrom } from '../../server/src/rules/dockerfile/undefined-arg-in-from';
import { ruleTable } from '../rule-table';

ruleTable(undefinedArgInFrom, {
  valid: [
    'ARG VARIANT=-alpine3.20\nFROM node:22${VARIANT} AS build\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM alpine:3.20\n',
    'ARG BASE\nFROM ${BASE:-alpine:3.20}\n',
    'FROM alpine:3.20 AS base\nFROM base\n',
  ],
  invalid: [
    {
      code: 'FROM node:22${VARIANT} AS build\n',
      findings: [{ line: 1, column: 13, endLine: 1, endColumn: 23, message: "FROM argument 'VARIANT' is not declared" }],
    },
    {
      name: 'a misspelt built-in platform ARG, with a quick fix --fix does not apply',
      code: 'FROM --platform=$BUILDPALTFORM alpine:3.20\n',
      findings: [{ line: 1, column: 17, endLine: 1, endColumn: 31, message: "FROM argument 'BUILDPALTFORM' is not declared (did you mean BUILDPLATFORM?)" }],
      fixTitles: ['Use BUILDPLATFORM'],
      output: 'FROM --platform=$BUILDPALTFORM alpine:3.20\n',
    },
    {
      name: 'ARGs declared inside a stage are not in scope for FROM',
      code: 'FROM alpine:3.20\nARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\n',
      findings: [{ line: 3, column: 11, endLine: 3, endColumn: 26, message: "FROM argument 'NODE_VERSION' is not declared" }],
    },
    {
      code: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSIN}-slim\n',
      findings: [{ line: 2, column: 11, endLine: 2, endColumn: 25, message: "FROM argument 'NODE_VERSIN' is not declared (did you mean NODE_VERSION?)" }],
      output: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSIN}-slim\n',
    },
  ],
});
