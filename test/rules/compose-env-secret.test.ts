import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyEdits } from '../../server/src/engine/text';
import { lintText } from '../../server/src/linter';
import { composeEnvSecret } from '../../server/src/rules/compose/compose-env-secret';
import { ruleTable } from '../rule-table';

ruleTable(composeEnvSecret, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      PASSWORD_MIN_LENGTH: 12\n',
    'services:\n  api:\n    image: example/api:2.3\n    environment:\n      - API_TOKEN\n      - API_TOKEN_FILE=/run/secrets/token\n      - SECRET_KEY=${SECRET_KEY:?set it}\n      - DB_PASSWORD=\n',
  ],
  invalid: [
    {
      name: 'an image that reads *_FILE: map form becomes POSTGRES_PASSWORD_FILE',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: hunter2\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
      findings: [{ line: 6, column: 7, endLine: 6, endColumn: 33, message: 'POSTGRES_PASSWORD of service "db" is a literal secret in environment: use a compose secret and POSTGRES_PASSWORD_FILE' }],
      output:
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\n    volumes:\n      - db-data:/var/lib/postgresql/data\n    secrets: [postgres_password]\nvolumes:\n  db-data:\nsecrets:\n  postgres_password:\n    file: ./secrets/postgres_password.txt\n',
      createdFiles: { 'secrets/postgres_password.txt': 'hunter2' },
    },
    {
      name: 'list form',
      code: 'services:\n  db:\n    image: mariadb:11\n    environment:\n      - MARIADB_ROOT_PASSWORD=s3cret\n      - MARIADB_DATABASE=app\n',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 37, message: 'MARIADB_ROOT_PASSWORD of service "db" is a literal secret in environment: use a compose secret and MARIADB_ROOT_PASSWORD_FILE' }],
      output:
        'services:\n  db:\n    image: mariadb:11\n    environment:\n      - MARIADB_ROOT_PASSWORD_FILE=/run/secrets/mariadb_root_password\n      - MARIADB_DATABASE=app\n    secrets: [mariadb_root_password]\nsecrets:\n  mariadb_root_password:\n    file: ./secrets/mariadb_root_password.txt\n',
      createdFiles: { 'secrets/mariadb_root_password.txt': 's3cret' },
    },
    {
      name: 'another image: the fix is offered, not applied by --fix',
      code: 'services:\n  api:\n    image: example/api:2.3\n    environment:\n      - "API_TOKEN=abc123"\n    restart: always\n',
      findings: [{ line: 5, column: 9, endLine: 5, endColumn: 27, message: 'API_TOKEN of service "api" is a literal secret in environment: use a compose secret' }],
      fixTitles: ['Move API_TOKEN to a secret (the program must read /run/secrets/api_token)'],
    },
    {
      name: 'through an anchor',
      code: 'x-env: &env\n  SECRET_KEY: changeme\nservices:\n  api:\n    image: example/api:2.3\n    environment: *env\n',
      findings: [{ line: 6, column: 18, endLine: 6, endColumn: 22, message: 'SECRET_KEY of service "api" is a literal secret in environment: use a compose secret (from &env on line 2)' }],
    },
  ],
});

function fixed(code: string): string {
  const finding = lintText(code, 'compose').findings.find((f) => f.rule === 'compose-env-secret');
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
