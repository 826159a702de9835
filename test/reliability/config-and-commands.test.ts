/**
 * Config of the wrong shape gives one clear message and defaults, never a crash; values given to
 * the runtime commands never run anything and never become options; a daemon that dies mid-build
 * gives a clear report; runtime commands need a trusted workspace.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { WorkspaceConfig } from '../../server/src/config/workspace-config';
import { readSettings } from '../../server/src/engine/settings';
import { lintText, allRules } from '../../server/src/linter';
import { buildImage } from '../../server/src/runtime/build';
import { runArguments } from '../../server/src/runtime/container';
import { DockerUnavailableError } from '../../server/src/runtime/docker-cli';
import { assertImageReference, assertUser, assertServiceName, assertLabel, imageReferenceProblem } from '../../server/src/runtime/names';

const dir = mkdtempSync(join(tmpdir(), 'shipshape-reliability-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('settings and .hadolint.yaml of the wrong shape', () => {
  const wrong: unknown[] = [null, 42, 'error', [], [1, 2], { rules: 'off' }, { rules: [] }, { rules: { DL3008: 5, 'final-user-root': null, x: { a: 1 }, y: 'loud' } }, { rules: Object.create(null) }, { enable: 'yes' }];
  for (const raw of wrong) {
    it(`settings ${JSON.stringify(raw)}: defaults and a message per problem, linting still works`, () => {
      const { settings, problems } = readSettings(raw);
      assert.ok(problems.every((p) => typeof p.message === 'string' && p.message.length > 0));
      assert.ok(lintText('FROM alpine\nRUN apk add curl\n', 'dockerfile', { settings }).findings.length > 0);
    });
  }

  const brokenConfigs = ['ignored: [DL3008', 'ignored: DL3008\n  - x: : :', '\0\0\0', 'trustedRegistries: 5\nfailure-threshold: [1]\noverride: "x"', '- a\n- b\n', ': : :', '&a [*a]', 'a: &a [*a, *a]\nb: *a\n', 'x: ' + '['.repeat(5000), 'label-schema: 7\nstrict-labels: maybe\nno-fail: {}'];
  for (const [n, text] of brokenConfigs.entries()) {
    it(`broken .hadolint.yaml #${n + 1}: problems reported, defaults used, no crash`, () => {
      const project = join(dir, `config-${n}`);
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, '.hadolint.yaml'), text);
      writeFileSync(join(project, 'Dockerfile'), 'FROM alpine\nRUN apk add curl\n');
      const config = new WorkspaceConfig(allRules, undefined, {}, [project]);
      const dockerfile = join(project, 'Dockerfile');
      const settings = config.settingsFor(dockerfile, {});
      const problems = config.newProblems(config.projectFor(dockerfile));
      assert.ok(problems === null || problems.every((p) => p.message.length > 0));
      if (n === 0 || n === 3) assert.ok(problems && problems.length > 0, 'a broken file is reported');
      assert.equal(config.newProblems(config.projectFor(dockerfile)), null, 'said once');
      assert.ok(lintText('FROM alpine\nRUN apk add curl\n', 'dockerfile', { settings, path: dockerfile }).findings.length > 0);
    });
  }
});

describe('runtime command arguments', () => {
  const hostile = ['-rf', '--privileged', 'a;rm -rf /', 'a && touch /tmp/pwned', '$(touch /tmp/pwned)', '`id`', 'a b', 'a\nb', 'a\0b', '../../etc', 'x|y', 'x>y', "a'b", 'a"b', ' ', '', '--', '-'];

  it('rejects image names with shell metacharacters, spaces, newlines or a leading dash', () => {
    for (const value of hostile) assert.ok(imageReferenceProblem(value), `accepted ${JSON.stringify(value)}`);
    for (const value of hostile) assert.throws(() => assertImageReference(value));
    assert.equal(imageReferenceProblem('registry.example:5000/team/app:1.0'), null);
  });

  it('rejects hostile users, service names and label keys', () => {
    for (const value of hostile) {
      assert.throws(() => assertUser(value), Error, `user ${JSON.stringify(value)}`);
      assert.throws(() => assertServiceName(value), Error, `service ${JSON.stringify(value)}`);
      assert.throws(() => assertLabel(value, 'v'), Error, `label ${JSON.stringify(value)}`);
    }
    assert.throws(() => assertLabel('ok', 'a\nb'));
  });

  it('docker run: every value is one argument and the image comes after "--"', () => {
    const args = runArguments({ image: 'app:1.0', user: '1000:1000', labels: { 'org.example': 'a; rm -rf / $(id)' }, hardened: true }, [{ port: 8080, protocol: 'tcp' }]);
    assert.deepEqual(args.slice(-2), ['--', 'app:1.0']);
    assert.ok(args.includes('--label=org.example=a; rm -rf / $(id)'));
    assert.ok(args.every((a) => a === '--' || a === 'app:1.0' || a === 'run' || a.startsWith('--')), 'options are only the ones we build');
    assert.throws(() => runArguments({ image: '--privileged' }, []));
    assert.throws(() => runArguments({ image: 'app', user: '-0' }, []));
  });

  it('docker build with hostile build args and paths runs nothing else, and a daemon dying mid-build is a clear error', async () => {
    const project = join(dir, 'build ctx; $(touch pwned)');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'Dockerfile'), 'FROM alpine:3.20\nRUN echo hi\n');
    const log = join(dir, 'docker-argv.jsonl');
    const fake = join(dir, 'fake-docker');
    // A docker CLI that records its arguments; "build" prints a step, then the daemon goes away.
    writeFileSync(
      fake,
      `#!${process.execPath}\n` +
        `require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n` +
        `const a = process.argv[2];\n` +
        `if (a === 'buildx') { console.log('github.com/docker/buildx v0.20.0'); process.exit(0); }\n` +
        `if (a === 'build') { console.error('#1 [1/2] FROM alpine:3.20'); console.error('error during connect: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'); process.exit(1); }\n` +
        `process.exit(0);\n`,
    );
    chmodSync(fake, 0o755);
    const buildArgs = { HOSTILE: '$(touch /tmp/pwned); `id` && echo "x"\nnext', SPACES: 'a b c', DASH: '--privileged' };
    let error: unknown;
    try {
      await buildImage({ dockerfile: join(project, 'Dockerfile'), tag: 'app:dev', buildArgs, dockerPath: fake });
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof DockerUnavailableError, `got ${String(error)}`);
    assert.match((error as Error).message, /daemon is not running or not reachable/);
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
    const build = calls.find((c) => c[0] === 'build')!;
    assert.ok(build.includes(`--build-arg=HOSTILE=${buildArgs.HOSTILE}`), 'one argument, unchanged');
    assert.ok(build.includes('--build-arg=DASH=--privileged'));
    assert.ok(!build.includes('--privileged'));
    assert.equal(build[build.length - 2], '--');
    assert.equal(build[build.length - 1], project);
    await assert.rejects(buildImage({ dockerfile: join(project, 'Dockerfile'), tag: 'app:dev', buildArgs: { 'A B': 'x' }, dockerPath: fake }), /build argument name/);
    await assert.rejects(buildImage({ dockerfile: join(project, 'Dockerfile'), tag: '-t evil', dockerPath: fake }));
  });

  it('runtime commands are only offered in trusted workspaces', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const runtime = new Set(['shipshape.buildImage', 'shipshape.runContainer', 'shipshape.probeHealth', 'shipshape.buildAndCheck', 'shipshape.composeUpAndCheck']);
    const menus = Object.values(manifest.contributes.menus ?? {}).flat() as { command: string; when?: string }[];
    for (const entry of menus.filter((m) => runtime.has(m.command))) assert.match(entry.when ?? '', /isWorkspaceTrusted/, `${entry.command} in a menu without the trust condition`);
    const session = readFileSync(join(__dirname, '..', '..', '..', 'client', 'src', 'commands', 'session.ts'), 'utf8');
    assert.match(session, /vscode\.workspace\.isTrusted/, 'the commands check trust when they run');
  });
});
