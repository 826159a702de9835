import { workdirRelative } from '../../server/src/rules/dockerfile/workdir-relative';
import { ruleTable } from '../rule-table';

ruleTable(workdirRelative, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app\n',
    'FROM alpine:3.20\nWORKDIR $HOME/app\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n',
  ],
  invalid: [
    {
      name: 'resolved against the previous WORKDIR',
      code: 'FROM node:22-slim\nWORKDIR /srv\nWORKDIR app/../web\n',
      findings: [
        { line: 3, column: 9, endLine: 3, endColumn: 19, message: 'WORKDIR "app/../web" is relative: it resolves to /srv/web; write it out' },
      ],
      output: 'FROM node:22-slim\nWORKDIR /srv\nWORKDIR /srv/web\n',
    },
    {
      name: 'inherited from the base stage',
      code: 'FROM node:22-slim AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n',
      findings: [
        { line: 4, column: 9, endLine: 4, endColumn: 12, message: 'WORKDIR "app" is relative: it resolves to /srv/app; write it out' },
      ],
      output: 'FROM node:22-slim AS base\nWORKDIR /srv\nFROM base\nWORKDIR /srv/app\n',
    },
    {
      name: 'no earlier WORKDIR: fix offered, not applied',
      code: 'FROM node:22-slim\nWORKDIR app\n',
      findings: [
        { line: 2, column: 9, endLine: 2, endColumn: 12, message: 'WORKDIR "app" is relative: where it lands depends on the base image\'s WORKDIR' },
      ],
    },
  ],
});
