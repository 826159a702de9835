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
const TAIL = ['', '# Editors, OS and logs', '.idea', '.vscode', '.DS_Store', '*.log', '', '# Build files', 'Dockerfile*', '*.Dockerfile', '*.dockerignore', 'docker-compose*', 'compose*'];
const NODE = ['', '# Node', 'node_modules', 'npm-debug.log*', 'yarn-debug.log*', 'yarn-error.log*', 'coverage'];
const PYTHON = ['', '# Python', '**/__pycache__', '**/*.py[cod]', '.venv', '.pytest_cache', '.mypy_cache'];
const file = (lines: string[], eol = '\n') => lines.join(eol) + eol;

const NODE_DOCKERFILE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';

ruleTable(dockerignoreMissing, {
  valid: [
    { name: 'a .dockerignore exists', code: NODE_DOCKERFILE, files: { '.dockerignore': '.git\n' } },
    { name: 'an empty .dockerignore still counts', code: NODE_DOCKERFILE, files: { '.dockerignore': '' } },
    { name: 'the Dockerfile-specific ignore file', code: NODE_DOCKERFILE, path: '/p/app.Dockerfile', files: { 'app.Dockerfile.dockerignore': '.git\n' } },
    { name: 'named files only', code: 'FROM node:22-slim\nCOPY package.json server.js /app/\n', files: {} },
    { name: 'COPY --from', code: 'FROM node:22 AS b\nFROM node:22-slim\nCOPY --from=b . /app\n', files: {} },
    { name: 'no file access (unsaved text)', code: NODE_DOCKERFILE },
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
        '.dockerignore': file([...BASE.filter((l) => l !== '.env.*' && l !== '!.env.example'), ...TAIL.filter((l) => l !== 'compose*')]),
      },
    },
  ],
});
