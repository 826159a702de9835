import { composeUserRoot } from '../../server/src/rules/compose/compose-user-root';
import { ruleTable } from '../rule-table';

ruleTable(composeUserRoot, {
  valid: [
    { name: 'image only: its user is unknown', code: 'services:\n  api:\n    image: example/api:2.3\n' },
    { name: 'the Dockerfile sets USER', code: 'services:\n  api:\n    build: .\n', files: { Dockerfile: 'FROM node:22-slim\nUSER node\n' } },
    { name: 'user: overrides the Dockerfile', code: 'services:\n  api:\n    build: .\n    user: "1000:1000"\n', files: { Dockerfile: 'FROM node:22-slim\n' } },
    { name: 'no Dockerfile to read', code: 'services:\n  api:\n    build: .\n' },
    {
      name: 'no USER, but the Dockerfile builds on distroless :nonroot',
      code: 'services:\n  api:\n    build: .\n',
      files: { Dockerfile: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n' },
    },
    {
      name: 'no USER in a stage built on a stage of a non-root image',
      code: 'services:\n  api:\n    build: .\n',
      files: { Dockerfile: 'FROM cgr.dev/chainguard/node:latest AS base\nWORKDIR /app\nFROM base\nCOPY . .\nCMD ["server.js"]\n' },
    },
    { name: 'a user given only by the environment', code: 'services:\n  api:\n    image: example/api:2.3\n    user: ${APP_USER}\n' },
    { name: 'non-root defaults of variables', code: 'services:\n  api:\n    image: example/api:2.3\n    user: "${APP_UID:-10001}:${APP_GID:-10001}"\n' },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: example/api:2.3\n    user: root\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 15, message: 'Service "api" runs as root: the container runs as root' }],
    },
    {
      name: 'the Dockerfile has no USER either',
      code: 'services:\n  api:\n    build: .\n',
      files: { Dockerfile: 'FROM node:22-slim\nCMD ["node", "server.js"]\n' },
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no user: and its Dockerfile (Dockerfile) has no USER: the container runs as root' }],
    },
    {
      name: 'build.context, build.dockerfile and build.target are honoured',
      code: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: docker/Dockerfile.prod\n      target: runtime\n',
      files: { 'api/docker/Dockerfile.prod': 'FROM node:22 AS build\nUSER node\nFROM node:22-slim AS runtime\nUSER 0\nFROM runtime AS test\nUSER node\n' },
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no user: and its Dockerfile (api/docker/Dockerfile.prod) ends with USER 0: the container runs as root' }],
    },
    {
      name: 'root as the default of a variable',
      code: 'services:\n  api:\n    image: example/api:2.3\n    user: ${APP_USER:-root}\n',
      findings: [{ line: 4, column: 5, endLine: 4, endColumn: 28, message: 'Service "api" runs as root: the container runs as root' }],
    },
    {
      name: 'a non-root base image, then USER root',
      code: 'services:\n  api:\n    build: .\n',
      files: { Dockerfile: 'FROM gcr.io/distroless/base-debian12:nonroot\nUSER root\nCMD ["/app"]\n' },
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'Service "api" has no user: and its Dockerfile (Dockerfile) ends with USER root: the container runs as root' }],
    },
    {
      name: 'build.target picks a root stage before a non-root one',
      code: 'services:\n  debug:\n    build:\n      context: .\n      target: tools\n',
      files: { Dockerfile: 'FROM debian:12-slim AS tools\nRUN apt-get update\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
      findings: [{ line: 2, column: 3, endLine: 2, endColumn: 8, message: 'Service "debug" has no user: and its Dockerfile (Dockerfile) has no USER: the container runs as root' }],
    },
  ],
});
