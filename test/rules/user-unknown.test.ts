import { userUnknown } from '../../server/src/rules/dockerfile/user-unknown';
import { ruleTable } from '../rule-table';

ruleTable(userUnknown, {
  valid: [
    'FROM node:22-slim\nUSER node\nUSER nobody:nogroup\nUSER 1000\nUSER $APP_USER\n',
    'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n',
    'FROM gcr.io/distroless/static-debian12\nUSER nonroot:nonroot\n',
    { name: 'an image we do not know', code: 'FROM mycorp/base:1\nUSER whoever\n' },
    { name: 'a package that creates its user', code: 'FROM alpine:3.20\nRUN apk add --no-cache tor\nUSER tor\n' },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nUSER ContainerUser\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nUSER app\nCMD ["node", "server.js"]\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 9, message: 'User "app" is not created by an earlier instruction and node:22-slim is not known to have it: the container would fail to start' }],
    },
    {
      code: 'FROM scratch\nUSER nonroot\n',
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 13, message: 'User "nonroot" is not created by an earlier instruction and scratch has no users: the container would fail to start' }],
    },
    {
      name: 'through an earlier stage, user:group',
      code: 'FROM debian:12 AS base\nFROM base\nUSER www-data\nUSER svc:svc\n',
      findings: [{ line: 4, column: 6, endLine: 4, endColumn: 9, message: 'User "svc" is not created by an earlier instruction and debian:12 is not known to have it: the container would fail to start' }],
    },
  ],
});
