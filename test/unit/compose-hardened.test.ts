/** A fully hardened compose file (with the Dockerfile it builds) gets no warnings and no errors. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lintText } from '../../server/src/linter';
import { fileAccess } from '../rule-table';

const HARDENED = `name: shop
services:
  api:
    build:
      context: ./api
    image: registry.example.com/shop/api:1.4.2
    user: "10001:10001"
    read_only: true
    tmpfs: [/tmp]
    cap_drop: [ALL]
    security_opt: ["no-new-privileges:true"]
    pids_limit: 200
    deploy:
      resources:
        limits:
          memory: 512M
          cpus: "1.0"
    ports:
      - "127.0.0.1:8080:8080"
    environment:
      DATABASE_HOST: db
      DATABASE_PASSWORD_FILE: /run/secrets/db_password
    secrets: [db_password]
    volumes:
      - uploads:/srv/uploads
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16.4-alpine
    user: "70:70"
    read_only: true
    tmpfs: [/tmp, /run/postgresql]
    cap_drop: [ALL]
    security_opt:
      - no-new-privileges:true
    mem_limit: 1g
    pids_limit: 100
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets: [db_password]
    volumes:
      - db-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 10s
      timeout: 5s
      retries: 5
      start_period: 30s
secrets:
  db_password:
    file: ./secrets/db_password.txt
volumes:
  db-data:
  uploads:
`;

const DOCKERFILE = 'FROM node:22-slim\nWORKDIR /srv\nCOPY . .\nUSER node\nVOLUME /srv/uploads\nEXPOSE 8080\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n';

it('a hardened compose file gets no warnings or errors', () => {
  const result = lintText(HARDENED, 'compose', { path: 'compose.yaml', files: fileAccess({ 'api/Dockerfile': DOCKERFILE }) });
  assert.deepEqual(result.failures, []);
  assert.deepEqual(
    result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.range.start.line + 1}: ${f.rule}: ${f.message}`),
    [],
  );
});
