import { dockerignoreMissing } from '../../server/src/rules/dockerfile/dockerignore-missing';
import { ruleTable } from '../rule-table';

const BASE = [
  '# Secrets and version control',
  '.git',
  '.env',
  '.env.*',
  '!.env.example',
  '**/*.pem',
  '**/*.key',
  '**/id_rsa*',
];
const TAIL = ['', '# Editors, OS and logs', '.idea', '.vscode', '.DS_Store', '*.log', '', '# Build files', 'Dockerfile*', '*.Dockerfile', '*.dockerignore', 'compose.y*ml', 'compose.*.y*ml', 'docker-compose*.y*ml'];
const NODE = ['', '# Node', 'node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', 'coverage'];
const PYTHON = ['', '# Python', '**/__pycache__', '**/*.py[cod]', '.venv', '.pytest_cache', '.mypy_cache'];
const PHP = ['', '# PHP', 'vendor/'];
const file = (lines: string[], eol = '\n') => lines.join(eol) + eol;

const NODE_DOCKERFILE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';
const MESSAGE = 'COPY . copies the whole build context and there is no .dockerignore: .git, .env files and keys can end up in the image';
/** A compose file at the project root that builds docker/Dockerfile with the root as its context. */
const ROOT_COMPOSE = 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n';
const PHP_DOCKERFILE = 'FROM php:8.3-apache\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev --no-scripts\nCOPY . /var/www/html\n';

ruleTable(dockerignoreMissing, {
  valid: [
    { name: 'a .dockerignore exists', code: NODE_DOCKERFILE, files: { '.dockerignore': '.git\n' } },
    { name: 'an empty .dockerignore still counts', code: NODE_DOCKERFILE, files: { '.dockerignore': '' } },
    { name: 'the Dockerfile-specific ignore file', code: NODE_DOCKERFILE, path: '/p/app.Dockerfile', files: { 'app.Dockerfile.dockerignore': '.git\n' } },
    { name: 'named files only', code: 'FROM node:22-slim\nCOPY package.json server.js /app/\n', files: {} },
    { name: 'COPY --from', code: 'FROM node:22 AS b\nFROM node:22-slim\nCOPY --from=b . /app\n', files: {} },
    { name: 'no file access (unsaved text)', code: NODE_DOCKERFILE },
    {
      name: 'compose builds it from the parent folder, which has a .dockerignore',
      code: NODE_DOCKERFILE,
      path: '/w/p/docker/Dockerfile',
      files: { '../compose.yaml': ROOT_COMPOSE, '../.dockerignore': '.git\n' },
    },
    {
      name: 'compose builds it from two folders up (context ../), which has a .dockerignore',
      code: NODE_DOCKERFILE,
      path: '/w/p/deploy/api/Dockerfile',
      files: { '../docker-compose.yml': 'services:\n  api:\n    build:\n      context: ..\n      dockerfile: deploy/api/Dockerfile\n', '../../.dockerignore': '.git\n' },
    },
  ],
  invalid: [
    {
      name: 'node: creates a .dockerignore next to the Dockerfile',
      code: NODE_DOCKERFILE,
      files: {},
      findings: [
        {
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 7,
          message: 'COPY . copies the whole build context and there is no .dockerignore: .git, .env files and keys can end up in the image',
        },
      ],
      output: NODE_DOCKERFILE,
      createdFiles: { '.dockerignore': file([...BASE, ...NODE, ...TAIL]) },
    },
    {
      name: 'python, ADD ./ in exec form, CRLF',
      code: 'FROM python:3.12-slim\r\nADD ["./", "/srv"]\r\nRUN pip install -r requirements.txt\r\n',
      files: {},
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 10, message: 'ADD ./ copies the whole build context and there is no .dockerignore: .git, .env files and keys can end up in the image' }],
      output: 'FROM python:3.12-slim\r\nADD ["./", "/srv"]\r\nRUN pip install -r requirements.txt\r\n',
      createdFiles: { '.dockerignore': file([...BASE, ...PYTHON, ...TAIL], '\r\n') },
    },
    {
      name: 'lines that would exclude a named COPY source are left out',
      code: 'FROM golang:1.22\nCOPY .env.defaults compose.yaml ./\nCOPY . .\n',
      path: '/p/Dockerfile',
      files: {},
      findings: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: 'COPY . copies the whole build context and there is no .dockerignore: .git, .env files and keys can end up in the image' }],
      output: 'FROM golang:1.22\nCOPY .env.defaults compose.yaml ./\nCOPY . .\n',
      createdFiles: {
        '.dockerignore': file([...BASE.filter((l) => l !== '.env.*' && l !== '!.env.example'), ...TAIL.filter((l) => l !== 'compose.y*ml')]),
      },
    },
    {
      name: 'compose builds it from the parent folder, which has no .dockerignore: the Dockerfile-specific file is created',
      code: NODE_DOCKERFILE,
      path: '/w/p/docker/Dockerfile',
      files: { '../compose.yaml': ROOT_COMPOSE, '../package.json': '{}' },
      findings: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: MESSAGE }],
      fixTitles: ['Create Dockerfile.dockerignore'],
      output: NODE_DOCKERFILE,
      createdFiles: { 'Dockerfile.dockerignore': file([...BASE, ...NODE, ...TAIL]) },
    },
    {
      name: 'a sibling compose file builds it from its own folder: .dockerignore as usual',
      code: NODE_DOCKERFILE,
      path: '/w/p/Dockerfile',
      files: { 'compose.yaml': 'services:\n  web:\n    build: .\n' },
      findings: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: MESSAGE }],
      fixTitles: ['Create a .dockerignore'],
      output: NODE_DOCKERFILE,
      createdFiles: { '.dockerignore': file([...BASE, ...NODE, ...TAIL]) },
    },
    {
      name: 'compose files above a repository root build other projects: not read',
      code: NODE_DOCKERFILE,
      path: '/w/p/Dockerfile',
      files: { '.git/HEAD': 'ref: refs/heads/main\n', '../compose.yaml': 'services:\n  p:\n    build:\n      context: .\n      dockerfile: p/Dockerfile\n', '../.dockerignore': '' },
      findings: [{ line: 3, column: 6, endLine: 3, endColumn: 7, message: MESSAGE }],
      output: NODE_DOCKERFILE,
      createdFiles: { '.dockerignore': file([...BASE, ...NODE, ...TAIL]) },
    },
    {
      name: 'PHP with composer install: vendor/ is left out, composer.json and composer.lock stay in',
      code: PHP_DOCKERFILE,
      files: { 'composer.json': '{}' },
      findings: [{ line: 4, column: 6, endLine: 4, endColumn: 7, message: 'COPY . copies the whole build context and there is no .dockerignore: .git, .env files and keys can end up in the image' }],
      output: PHP_DOCKERFILE,
      createdFiles: { '.dockerignore': file([...BASE, ...PHP, ...TAIL]) },
    },
    {
      name: 'PHP without composer install (vendor/ committed): vendor/ stays in',
      code: 'FROM php:8.3-apache\nCOPY . /var/www/html\n',
      files: { 'composer.json': '{}', 'vendor/autoload.php': '<?php' },
      findings: [{ line: 2, column: 6, endLine: 2, endColumn: 7, message: MESSAGE }],
      output: 'FROM php:8.3-apache\nCOPY . /var/www/html\n',
      createdFiles: { '.dockerignore': file([...BASE, ...TAIL]) },
    },
  ],
});
