import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

// Runs the bundled CLI (`npm run build` makes dist/cli.js; `npm test` builds first).
const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'shipshape.js');

function shipshape(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('shipshape check --fix and .dockerignore', () => {
  it('creates a .dockerignore next to a Dockerfile that copies the whole context', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "index.js"]\n');
    writeFileSync(join(dir, 'package.json'), '{}\n');
    const before = shipshape('check', '--format', 'json', dir);
    assert.equal(before.code, 1, before.stderr);
    assert.ok(JSON.parse(before.stdout).files.some((f: { findings: { rule: string }[] }) => f.findings.some((x) => x.rule === 'dockerignore-missing')), before.stdout);

    const fixed = shipshape('check', '--fix', '--format', 'json', join(dir, 'Dockerfile'));
    assert.ok(!fixed.stderr.includes('dockerignore'), fixed.stderr);
    const created = join(dir, '.dockerignore');
    assert.ok(existsSync(created), 'the .dockerignore was created');
    const text = readFileSync(created, 'utf8');
    assert.match(text, /^# Secrets and version control\n\.git\n\.env\n\.env\.\*\n!\.env\.example\n/);
    assert.match(text, /\nnode_modules\n/);
    // Other rules may fix the Dockerfile; this one leaves it as it is.
    assert.match(readFileSync(join(dir, 'Dockerfile'), 'utf8'), /^FROM node:22-slim\nWORKDIR \/app\nCOPY \. \.\n/);
    assert.ok(!fixed.stdout.includes('dockerignore-missing'), 'not reported after the fix');

    // The created file passes its own checks, and fixing again changes nothing.
    const again = shipshape('check', '--fix', '--format', 'json', '--severity', 'hint', dir);
    assert.equal(readFileSync(created, 'utf8'), text);
    assert.ok(!again.stdout.includes('dockerignore-'), again.stdout);
  });

  it('lints .dockerignore files and appends the missing lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
    writeFileSync(join(dir, 'api.Dockerfile.dockerignore'), 'dist\r\n.git');
    const found = shipshape('check', '--format', 'json', dir);
    assert.equal(found.code, 1);
    const files = JSON.parse(found.stdout).files as { path: string; findings: { rule: string }[] }[];
    assert.deepEqual(files.flatMap((f) => f.findings.map((x) => x.rule)), ['dockerignore-leaks-sensitive']);

    const fixed = shipshape('check', '--fix', dir);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.equal(readFileSync(join(dir, 'api.Dockerfile.dockerignore'), 'utf8'), 'dist\r\n.git\r\n.env\r\n.env.*\r\n**/*.pem\r\n**/*.key\r\n**/id_rsa*\r\n!.env.example\r\n');
  });

  it('reads the compose file that builds docker/Dockerfile from the root: the root .dockerignore counts, else Dockerfile.dockerignore is created', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
    mkdirSync(join(dir, 'docker'));
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n');
    writeFileSync(join(dir, 'docker', 'Dockerfile'), 'FROM alpine:3.20\nCOPY . /app\nUSER 10001\n');
    const rulesOf = (stdout: string) => (JSON.parse(stdout).files as { path: string; findings: { rule: string }[] }[]).flatMap((f) => f.findings.map((x) => `${f.path.slice(dir.length + 1)}: ${x.rule}`));

    const missing = shipshape('check', '--format', 'json', dir);
    assert.ok(rulesOf(missing.stdout).includes(join('docker', 'Dockerfile') + ': dockerignore-missing'), missing.stdout);
    writeFileSync(join(dir, '.dockerignore'), '.git\n');
    const withRoot = shipshape('check', '--format', 'json', dir);
    assert.deepEqual(rulesOf(withRoot.stdout).filter((r) => r.endsWith('dockerignore-missing')), []);

    const fixedDir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
    mkdirSync(join(fixedDir, 'docker'));
    writeFileSync(join(fixedDir, 'compose.yaml'), 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n');
    writeFileSync(join(fixedDir, 'docker', 'Dockerfile'), 'FROM alpine:3.20\nCOPY . /app\nUSER 10001\n');
    shipshape('check', '--fix', fixedDir);
    assert.ok(existsSync(join(fixedDir, 'docker', 'Dockerfile.dockerignore')), 'the Dockerfile-specific ignore file is created: Docker reads it whatever the context');
    assert.ok(!existsSync(join(fixedDir, 'docker', '.dockerignore')), 'no .dockerignore where the build never reads it');
    assert.match(readFileSync(join(fixedDir, 'docker', 'Dockerfile.dockerignore'), 'utf8'), /^# Secrets and version control\n\.git\n/);
  });

  it('moves a compose secret to a free file name and keeps the secrets folder out of the sibling build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
    mkdirSync(join(dir, 'secrets'));
    writeFileSync(join(dir, 'secrets', 'postgres_password.txt'), 'older');
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  app:\n    build: .\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "index.js"]\n');
    shipshape('check', '--fix', join(dir, 'compose.yaml'));
    assert.equal(readFileSync(join(dir, 'secrets', 'postgres_password.txt'), 'utf8'), 'older', 'the existing file is kept');
    assert.equal(readFileSync(join(dir, 'secrets', 'postgres_password-2.txt'), 'utf8'), 'hunter2', 'the value is not lost');
    assert.match(readFileSync(join(dir, 'compose.yaml'), 'utf8'), /file: \.\/secrets\/postgres_password-2\.txt\n/);
    const ignore = readFileSync(join(dir, '.dockerignore'), 'utf8');
    assert.match(ignore, /\n# Compose secrets\nsecrets\/\n/);
    // The Dockerfile now has a .dockerignore that keeps secrets out: nothing left to report about the context.
    const again = shipshape('check', '--format', 'json', dir);
    assert.ok(!again.stdout.includes('dockerignore-'), again.stdout);
  });

  it('leaves an existing .dockerignore alone and reports COPY of an excluded file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nCOPY README.md /app/\nUSER 10001\n');
    writeFileSync(join(dir, '.dockerignore'), '.git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\n*.md\n');
    const run = shipshape('check', '--fix', '--format', 'json', '--severity', 'error', dir);
    assert.equal(run.code, 1);
    const rules = (JSON.parse(run.stdout).files as { findings: { rule: string }[] }[]).flatMap((f) => f.findings.map((x) => x.rule));
    assert.deepEqual(rules, ['copy-ignored-file']);
    assert.equal(readFileSync(join(dir, '.dockerignore'), 'utf8').endsWith('*.md\n'), true);
  });
});
