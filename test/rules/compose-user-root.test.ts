import { composeUserRoot } from '../../server/src/rules/compose/compose-user-root';
import { ruleTable } from '../rule-table';

ruleTable(composeUserRoot, {
  valid: [
    { name: 'image only: its user is unknown', code: 'services:\n  api:\n    image: example/api:2.3\n' },
    { name: 'the Dockerfile sets USER', code: 'services:\n  api:\n    build: .\n', files: { Dockerfile: 'FROM node:22-slim\nUSER node\n' } },
    { name: 'user: overrides the Dockerfile', code: 'services:\n  api:\n    build: .\n    user: "1000:1000"\n', files: { Dockerfile: 'FROM node:22-slim\n' } },
    { name: 'no Dockerfile to read', code: 'services:\n  api:\n    build: .\n' },
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
  ],
});
