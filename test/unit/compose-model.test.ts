import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFacts } from '../../server/src/compose/build-facts';
import { withDefaults } from '../../server/src/compose/interpolation';
import { MAX_RESOLVED_NODES, parseCompose, type ComposeModel } from '../../server/src/compose/model';
import { parseShortPort } from '../../server/src/compose/ports';
import { parseShortVolume } from '../../server/src/compose/volumes';
import { lintText } from '../../server/src/linter';
import { fileAccess } from '../rule-table';

/** A few lines whose aliases would expand to 9^9 (387 million) strings. */
function aliasBomb(): string {
  const lines = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let previous = 'a';
  for (const name of 'bcdefghi') {
    lines.push(`x-${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    previous = name;
  }
  lines.push('services:', '  web:', '    image: nginx:1.27', '    environment: *i', '    privileged: true', '');
  return lines.join('\n');
}

describe('compose model', () => {
  it('resolves anchors, aliases and merge keys, remembering where values came from', () => {
    const model = parseCompose('x-base: &base\n  restart: always\n  user: "1000"\nservices:\n  web:\n    <<: *base\n    user: "2000"\n    labels: *lbl\n');
    const web = model.services[0];
    assert.equal(web.get('restart')?.origin?.anchor, 'base');
    assert.deepEqual(web.get('restart')?.origin?.usedAt, { start: { line: 5, character: 4 }, end: { line: 5, character: 13 } });
    assert.equal(web.get('user')?.origin, null, 'an own key overrides a merged one');
    assert.equal((web.get('user')?.value as { text: string }).text, '2000');
    assert.equal(web.get('labels')?.value, null, 'an unknown alias resolves to nothing');
  });

  it('stops an alias bomb quickly with an error finding', () => {
    const started = performance.now();
    const result = lintText(aliasBomb(), 'compose');
    const elapsed = performance.now() - started;
    console.log(`# alias bomb linted in ${elapsed.toFixed(0)} ms (${(result.model as ComposeModel).resolvedNodes} nodes resolved)`);
    const bomb = result.findings.find((f) => f.rule === 'compose-yaml-error');
    assert.ok(bomb, 'an error finding');
    assert.equal(bomb.severity, 'error');
    assert.match(bomb.message, /more than 50000 nodes/);
    assert.ok((result.model as ComposeModel).resolvedNodes <= MAX_RESOLVED_NODES + 1000);
    assert.ok(result.findings.some((f) => f.rule === 'compose-privileged'), 'the rest of the file is still checked');
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
  });

  it('keeps checking after a YAML error', () => {
    const result = lintText('services:\n  web:\n    image: nginx\n    ports: ["8080:80"\n  db:\n    image: postgres:16\n    privileged: true\n', 'compose');
    assert.ok(result.findings.some((f) => f.rule === 'compose-yaml-error' && f.severity === 'error'));
    assert.ok(result.findings.some((f) => f.rule === 'compose-privileged'));
  });

  it('understands interpolation', () => {
    assert.deepEqual(withDefaults('${PORT:-8080}:80'), { text: '8080:80', unresolved: false });
    assert.deepEqual(withDefaults('${A:-${B:-x}}y'), { text: 'xy', unresolved: false });
    assert.deepEqual(withDefaults('$HOST:$$x'), { text: ':$x', unresolved: true });
    assert.deepEqual(withDefaults('${A:?required}'), { text: '', unresolved: true });
  });

  it('reads short port and volume syntax', () => {
    assert.deepEqual(parseShortPort('127.0.0.1:8080:80/udp'), { hostIp: '127.0.0.1', hostPort: '8080', containerPort: '80', protocol: 'udp', unresolved: false });
    assert.deepEqual(parseShortPort('[::1]:8080:80'), { hostIp: '::1', hostPort: '8080', containerPort: '80', protocol: 'tcp', unresolved: false });
    assert.deepEqual(parseShortPort('127.0.0.1::80'), { hostIp: '127.0.0.1', hostPort: null, containerPort: '80', protocol: 'tcp', unresolved: false });
    assert.deepEqual(parseShortPort('3000'), { hostIp: null, hostPort: null, containerPort: '3000', protocol: 'tcp', unresolved: false });
    assert.deepEqual(parseShortVolume('C:\\data:/data:ro'), { type: 'bind', source: 'C:\\data', target: '/data', readOnly: true });
    assert.deepEqual(parseShortVolume('db:/var/lib/db'), { type: 'volume', source: 'db', target: '/var/lib/db', readOnly: false });
    assert.deepEqual(parseShortVolume('/cache'), { type: 'volume', source: null, target: '/cache', readOnly: false });
    // $HOME is always set: it reads as ~ (a variable without a default would otherwise vanish).
    assert.deepEqual(parseShortVolume('${HOME}/.ssh:/root/.ssh:ro'), { type: 'bind', source: '~/.ssh', target: '/root/.ssh', readOnly: true });
    assert.deepEqual(parseShortVolume('$HOME:/home/me'), { type: 'bind', source: '~', target: '/home/me', readOnly: false });
    assert.notEqual(parseShortVolume('$HOMEDIR/.ssh:/root/.ssh')?.source, '~/.ssh');
  });

  it('reads the facts of the Dockerfile a service builds', () => {
    const model = parseCompose('services:\n  api:\n    build:\n      context: ../app\n      dockerfile: ./Containerfile\n');
    const files = fileAccess({ '../app/Containerfile': 'FROM alpine:3.20 AS base\nUSER app\nVOLUME /data\nFROM base\nEXPOSE 8080/tcp 9090\nHEALTHCHECK NONE\n' });
    assert.deepEqual(buildFacts(model.services[0], files), { path: '../app/Containerfile', user: 'app', nonRootBase: false, healthcheck: 'none', volumes: ['/data'], exposes: ['8080', '9090'] });
    const distroless = parseCompose('services:\n  api:\n    build: .\n');
    const distrolessFiles = fileAccess({ Dockerfile: 'FROM gcr.io/distroless/static-debian12:nonroot AS base\nFROM base\nCOPY app /app\n' });
    assert.equal(buildFacts(distroless.services[0], distrolessFiles)?.nonRootBase, true);
  });

  it('lintText works with a path and files', () => {
    const result = lintText('services:\n  api:\n    build: .\n', 'compose', { path: '/srv/app/compose.yaml', files: fileAccess({ Dockerfile: 'FROM node:22-slim\n' }) });
    assert.ok(result.findings.some((f) => f.rule === 'compose-user-root'));
  });

  it('a pragma above a key covers its block; a global pragma the file', () => {
    const text = 'services:\n  web:\n    image: nginx\n    # shipshape ignore=compose-port-all-interfaces\n    ports:\n      - "8080:80"\n      - "8081:81"\n  api:\n    image: x/api:1\n    ports: ["9000:9000"]\n';
    const ports = lintText(text, 'compose').findings.filter((f) => f.rule === 'compose-port-all-interfaces');
    assert.deepEqual(ports.map((f) => f.range.start.line), [9]);
    const global = lintText('# shipshape global ignore=compose-image-tag\n' + text, 'compose').findings;
    assert.equal(global.filter((f) => f.rule === 'compose-image-tag').length, 0);
  });

  it('places an empty key at its colon, not on the comment lines above it', () => {
    const model = parseCompose('a: 1\n# note\n  # more\n : 2\n');
    assert.deepEqual(model.root!.entries.map((e) => [e.key, e.keyRange.start.line, e.keyRange.start.character]), [['a', 0, 0], ['', 3, 1]]);
  });
});
