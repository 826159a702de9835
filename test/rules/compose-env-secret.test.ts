import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyEdits } from '../../server/src/engine/text';
import { lintText } from '../../server/src/linter';
import { composeEnvSecret } from '../../server/src/rules/compose/compose-env-secret';
import { fileAccess, ruleTable } from '../rule-table';

const DB = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n';
const DB_FIXED = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\n    secrets: [postgres_password]\nsecrets:\n  postgres_password:\n    file: ./secrets/postgres_password.txt\n';
const MESSAGE = 'POSTGRES_PASSWORD of service "db" is a literal secret in environment: use a compose secret and POSTGRES_PASSWORD_FILE';
const FINDING = { line: 5, column: 7, endLine: 5, endColumn: 33, message: MESSAGE };
/** DB with a service built from the compose file's folder, whose context then holds secrets/. */
const WITH_APP = (build: string) => `services:\n  app:\n    build: ${build}\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n`;
const WITH_APP_FIXED = (build: string, file = './secrets/postgres_password.txt') =>
  `services:\n  app:\n    build: ${build}\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\n    secrets: [postgres_password]\nsecrets:\n  postgres_password:\n    file: ${file}\n`;
const APP_FINDING = { ...FINDING, line: 7, endLine: 7 };
const NODE_DOCKERFILE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';

ruleTable(composeEnvSecret, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      PASSWORD_MIN_LENGTH: 12\n',
    'services:\n  api:\n    image: example/api:2.3\n    environment:\n      - API_TOKEN\n      - API_TOKEN_FILE=/run/secrets/token\n      - SECRET_KEY=${SECRET_KEY:?set it}\n      - DB_PASSWORD=\n',
  ],
  invalid: [
    {
      name: 'an image that reads *_FILE: map form becomes POSTGRES_PASSWORD_FILE',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: hunter2\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
      files: {},
      findings: [{ line: 6, column: 7, endLine: 6, endColumn: 33, message: MESSAGE }],
      output:
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\n    volumes:\n      - db-data:/var/lib/postgresql/data\n    secrets: [postgres_password]\nvolumes:\n  db-data:\nsecrets:\n  postgres_password:\n    file: ./secrets/postgres_password.txt\n',
      createdFiles: { 'secrets/postgres_password.txt': 'hunter2' },
    },
    {
      name: 'list form',
      code: 'services:\n  db:\n    image: mariadb:11\n    environment:\n      - MARIADB_ROOT_PASSWORD=s3cret\n      - MARIADB_DATABASE=app\n',
      files: {},
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 37, message: 'MARIADB_ROOT_PASSWORD of service "db" is a literal secret in environment: use a compose secret and MARIADB_ROOT_PASSWORD_FILE' }],
      output:
        'services:\n  db:\n    image: mariadb:11\n    environment:\n      - MARIADB_ROOT_PASSWORD_FILE=/run/secrets/mariadb_root_password\n      - MARIADB_DATABASE=app\n    secrets: [mariadb_root_password]\nsecrets:\n  mariadb_root_password:\n    file: ./secrets/mariadb_root_password.txt\n',
      createdFiles: { 'secrets/mariadb_root_password.txt': 's3cret' },
    },
    {
      name: 'another image: the fix is offered, not applied by --fix',
      code: 'services:\n  api:\n    image: example/api:2.3\n    environment:\n      - "API_TOKEN=abc123"\n    restart: always\n',
      files: {},
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 27, message: 'API_TOKEN of service "api" is a literal secret in environment: use a compose secret' }],
      fixTitles: ['Move API_TOKEN to a secret (the program must read /run/secrets/api_token)'],
    },
    {
      name: 'the secret file exists with other content: the value goes to a free name, never lost',
      code: DB,
      files: { 'secrets/postgres_password.txt': 'x' },
      findings: [FINDING],
      output: DB_FIXED.replace('postgres_password.txt', 'postgres_password-2.txt'),
      createdFiles: { 'secrets/postgres_password-2.txt': 'hunter2' },
    },
    {
      name: 'the secret file already holds the value: it is reused',
      code: DB,
      files: { 'secrets/postgres_password.txt': 'hunter2' },
      findings: [FINDING],
      output: DB_FIXED,
      createdFiles: {},
    },
    {
      name: 'unsaved text (no files around it): reported without a fix',
      code: DB,
      findings: [FINDING],
      fixTitles: [],
    },
    {
      name: 'a service built from this folder, with a .dockerignore: secrets/ is appended to it',
      code: WITH_APP('.'),
      files: { '.dockerignore': '.git\n.env\n' },
      findings: [APP_FINDING],
      output: WITH_APP_FIXED('.'),
      createdFiles: { 'secrets/postgres_password.txt': 'hunter2' },
      editedFiles: { '.dockerignore': '.git\n.env\nsecrets/\n' },
    },
    {
      name: 'a service built from this folder, without a .dockerignore: one is created with secrets/',
      code: WITH_APP('.'),
      files: { Dockerfile: NODE_DOCKERFILE },
      findings: [APP_FINDING],
      output: WITH_APP_FIXED('.'),
      createdFiles: {
        'secrets/postgres_password.txt': 'hunter2',
        '.dockerignore': [
          '# Secrets and version control',
          '.git',
          '.env',
          '.env.*',
          '!.env.example',
          '**/*.pem',
          '**/*.key',
          '**/id_rsa*',
          '',
          '# Node',
          'node_modules',
          'npm-debug.log*',
          'yarn-debug.log*',
          'yarn-error.log*',
          'coverage',
          '',
          '# Compose secrets',
          'secrets/',
          '',
          '# Editors, OS and logs',
          '.idea',
          '.vscode',
          '.DS_Store',
          '*.log',
          '',
          '# Build files',
          'Dockerfile*',
          '*.Dockerfile',
          '*.dockerignore',
          'compose.y*ml',
          'compose.*.y*ml',
          'docker-compose*.y*ml',
          '',
        ].join('\n'),
      },
    },
    {
      name: 'the build reads its Dockerfile-specific ignore file: that one gets secrets/',
      code: WITH_APP('{ context: ., dockerfile: app.Dockerfile }'),
      files: { 'app.Dockerfile.dockerignore': '.git', '.dockerignore': '.env\n' },
      findings: [APP_FINDING],
      output: WITH_APP_FIXED('{ context: ., dockerfile: app.Dockerfile }'),
      createdFiles: { 'secrets/postgres_password.txt': 'hunter2' },
      editedFiles: { 'app.Dockerfile.dockerignore': '.git\nsecrets/\n' },
    },
    {
      name: 'the .dockerignore already excludes the folder: left alone',
      code: WITH_APP('.'),
      files: { '.dockerignore': '**/secrets\n' },
      findings: [APP_FINDING],
      output: WITH_APP_FIXED('.'),
      createdFiles: { 'secrets/postgres_password.txt': 'hunter2' },
    },
    {
      name: 'a context above the compose file: the line names the folder from there',
      code: WITH_APP('{ context: .., dockerfile: deploy/Dockerfile }'),
      path: '/w/p/deploy/compose.yaml',
      files: { '../.dockerignore': '.git\n' },
      findings: [APP_FINDING],
      output: WITH_APP_FIXED('{ context: .., dockerfile: deploy/Dockerfile }'),
      createdFiles: { 'secrets/postgres_password.txt': 'hunter2' },
      editedFiles: { '../.dockerignore': '.git\ndeploy/secrets/\n' },
    },
    {
      name: 'a context in a subfolder does not hold secrets/: nothing to exclude',
      code: WITH_APP('./app'),
      files: {},
      findings: [APP_FINDING],
      output: WITH_APP_FIXED('./app'),
      createdFiles: { 'secrets/postgres_password.txt': 'hunter2' },
    },
    {
      name: 'a context that cannot be resolved may hold secrets/: the fix is offered, not applied by --fix',
      code: WITH_APP('${APP_CONTEXT}'),
      files: {},
      findings: [APP_FINDING],
      fixTitles: ['Move POSTGRES_PASSWORD to a secret (POSTGRES_PASSWORD_FILE)'],
    },
    {
      name: 'two secrets beside a service built from this folder: secrets/ is appended once',
      code: WITH_APP('.') + '  cache:\n    image: mysql:8\n    environment:\n      MYSQL_ROOT_PASSWORD: s3cret\n',
      files: { '.dockerignore': '.git\n' },
      findings: [APP_FINDING, { line: 11, column: 7, endLine: 11, endColumn: 34, message: 'MYSQL_ROOT_PASSWORD of service "cache" is a literal secret in environment: use a compose secret and MYSQL_ROOT_PASSWORD_FILE' }],
      output:
        'services:\n  app:\n    build: .\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\n    secrets: [postgres_password]\n  cache:\n    image: mysql:8\n    environment:\n      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/mysql_root_password\n    secrets: [mysql_root_password]\nsecrets:\n  postgres_password:\n    file: ./secrets/postgres_password.txt\n  mysql_root_password:\n    file: ./secrets/mysql_root_password.txt\n',
      createdFiles: { 'secrets/postgres_password.txt': 'hunter2', 'secrets/mysql_root_password.txt': 's3cret' },
      editedFiles: { '.dockerignore': '.git\nsecrets/\n' },
    },
    {
      name: 'through an anchor',
      code: 'x-env: &env\n  SECRET_KEY: changeme\nservices:\n  api:\n    image: example/api:2.3\n    environment: *env\n',
      findings: [{ line: 6, column: 18, endLine: 6, endColumn: 22, message: 'SECRET_KEY of service "api" is a literal secret in environment: use a compose secret (from &env on line 2)' }],
    },
  ],
});

function fixed(code: string): string {
  const finding = lintText(code, 'compose', { files: fileAccess({}) }).findings.find((f) => f.rule === 'compose-env-secret');
  assert.ok(finding && finding.fixes.length === 1);
  return applyEdits(code, finding.fixes[0].edits);
}

it('compose-env-secret: the only variable becomes the service\'s secrets entry', () => {
  assert.equal(
    fixed('services:\n  api:\n    image: example/api:2.3\n    environment:\n      - "API_TOKEN=abc123"\n    restart: always\n'),
    'services:\n  api:\n    image: example/api:2.3\n    secrets: [api_token]\n    restart: always\nsecrets:\n  api_token:\n    file: ./secrets/api_token.txt\n',
  );
});

it('compose-env-secret: appends to existing secrets lists', () => {
  assert.equal(
    fixed('services:\n  api:\n    image: example/api:2.3\n    environment:\n      - DEBUG=0\n      - API_TOKEN=abc123\n    secrets:\n      - other\nsecrets:\n  other:\n    file: ./other.txt\n'),
    'services:\n  api:\n    image: example/api:2.3\n    environment:\n      - DEBUG=0\n    secrets:\n      - other\n      - api_token\nsecrets:\n  other:\n    file: ./other.txt\n  api_token:\n    file: ./secrets/api_token.txt\n',
  );
});
