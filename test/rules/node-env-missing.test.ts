import { nodeEnvMissing } from '../../server/src/rules/dockerfile/node-env-missing';
import { ruleTable } from '../rule-table';

ruleTable(nodeEnvMissing, {
  valid: [
    'FROM node:22\nENV NODE_ENV=production\nCMD ["node", "a.js"]\n',
    { name: 'a dev stage', code: 'FROM node:22-slim AS dev\nCMD ["npm", "run", "dev"]\n' },
    { name: 'a base image for others', code: 'FROM node:22-slim\nONBUILD COPY . /app\nCMD ["node"]\n' },
    { name: 'no command of its own', code: 'FROM node:22-slim\nCOPY . /app\n' },
    { name: 'not node', code: 'FROM python:3.12\nCMD ["python", "a.py"]\n' },
    { name: 'a dev container', code: 'FROM node:22\nCMD ["node", "a.js"]\n', path: '/repo/.devcontainer/Dockerfile' },
  ],
  invalid: [
    {
      name: 'the ENV goes above the comments over the CMD',
      code: 'FROM node:22-slim\nCOPY . /app\n# start the server\nCMD ["node", "/app/server.js"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 18, message: 'NODE_ENV is not set in the final stage: Node.js packages run in development mode' }],
      output: 'FROM node:22-slim\nCOPY . /app\nENV NODE_ENV=production\n# start the server\nCMD ["node", "/app/server.js"]\n',
    },
    {
      name: 'no CMD in the final stage and it ends in an unterminated heredoc: no fix',
      code: 'FROM node:22-slim AS base\nFROM base AS app\nCMD ["node", "a.js"]\nFROM app\nRUN <<EOF\nnpm ci\n',
      findings: [{ line: 4, column: 1, endLine: 4, endColumn: 9, message: 'NODE_ENV is not set in the final stage: Node.js packages run in development mode' }],
      fixTitles: [],
    },
    {
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 18, message: 'NODE_ENV is not set in the final stage: Node.js packages run in development mode' }],
      output: 'FROM node:22-slim\nCOPY . /app\nENV NODE_ENV=production\nCMD ["node", "/app/server.js"]\n',
    },
    {
      name: 'through an earlier stage',
      code: 'FROM node:22-slim AS build\nRUN npm ci\nFROM build\nCOPY . /app\nENTRYPOINT ["node"]\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 11, message: 'NODE_ENV is not set in the final stage: Node.js packages run in development mode' }],
      output: 'FROM node:22-slim AS build\nRUN npm ci\nFROM build\nCOPY . /app\nENV NODE_ENV=production\nENTRYPOINT ["node"]\n',
    },
  ],
});
