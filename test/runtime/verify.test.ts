/**
 * Build and Check on a real Docker engine (started by scripts/docker-engine.sh when missing). The
 * fixtures are FROM-scratch images with a static busybox; busybox httpd serves /healthz. Everything
 * these tests create carries the label shipshape.test=<run id> and is removed at the end.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';
import {
  buildImage,
  checkEngine,
  composeUpAndCheck,
  DockerUnavailableError,
  imageReferenceProblem,
  InputError,
  listContainers,
  MemoryHistory,
  probeContainerHealth,
  runContainer,
  removeContainersByLabel,
  verifyDockerfile,
  inspectImage,
  ownerOfThisProcess,
  removeLeftoverCheckContainers,
  type VerifyOptions,
  type VerifyReport,
} from '../../server/src/runtime';

const ROOT = resolve(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'runtime');
const LABEL = 'shipshape.test';
/** Unique per run, so runs on one engine at the same time never touch each other's containers or images. */
const RUN = `${process.pid}-${Date.now().toString(36)}`;
const labels = { [LABEL]: RUN };
/** A sleep length unique to this run, to find its build step among processes and containers. */
const SLEEP = String(4000 + (process.pid % 4000));
let context = '';

function docker(...args: string[]): string {
  const result = spawnSync('docker', args, { encoding: 'utf8' });
  return result.stdout.trim();
}

function statuses(report: VerifyReport): Record<number, string> {
  return Object.fromEntries(report.checks.map((c) => [c.number, c.status]));
}

function check(report: VerifyReport, number: number) {
  const found = report.checks.find((c) => c.number === number);
  assert.ok(found, `check ${number} missing`);
  return found;
}

function verify(name: string, extra: Partial<VerifyOptions> = {}): Promise<VerifyReport> {
  return verifyDockerfile({
    dockerfile: join(context, `${name}.Dockerfile`),
    context,
    tag: `shipshape-test-${name}:${RUN}`,
    labels,
    stopGraceSeconds: 4,
    healthTimeoutMs: 30_000,
    history: new MemoryHistory(),
    ...extra,
  });
}

/** Command lines of every process on this machine. */
function processCommandLines(): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // gone
    }
  }
  return lines;
}

before(async () => {
  const started = Date.now();
  const engine = spawnSync('bash', [join(ROOT, 'scripts', 'docker-engine.sh')], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 10 * 60_000 });
  if (engine.status !== 0) {
    throw new Error(`The Docker engine could not be started for the runtime tests (scripts/docker-engine.sh exited with ${engine.status ?? engine.signal}); see its messages above.`);
  }
  console.log(`# engine ready in ${((Date.now() - started) / 1000).toFixed(1)} s (server ${await checkEngine()})`);
  context = mkdtempSync(join(tmpdir(), 'shipshape-runtime-'));
  cpSync(FIXTURES, context, { recursive: true });
  cpSync('/bin/busybox', join(context, 'busybox'));
  writeFileSync(join(context, 'slow.Dockerfile'), readFileSync(join(FIXTURES, 'slow.Dockerfile'), 'utf8').replace('4242', SLEEP));
});

after(() => {
  spawnSync('bash', ['-c', `docker ps -aq --filter label=${LABEL}=${RUN} | xargs -r docker rm -f -v >/dev/null`]);
  spawnSync('bash', ['-c', `docker images -q --filter label=${LABEL}=${RUN} | sort -u | xargs -r docker rmi -f >/dev/null`]);
  if (context) rmSync(context, { recursive: true, force: true });
});

describe('Build and Check on fixtures', { concurrency: 3 }, () => {
  it('a good image passes all six checks: the CLI exits 0 and records the size for the next run', async () => {
    const historyFile = join(context, 'good-history.json');
    const dockerfile = join(context, 'good.Dockerfile');
    let out = '';
    let err = '';
    const code = await main(
      ['verify', '--json', '--tag', `shipshape-test-good:${RUN}`, '--label', `${LABEL}=${RUN}`, '--stop-grace', '4', '--timeout', '30', '--history', historyFile, dockerfile],
      { out: (t) => (out += t), err: (t) => (err += t), isTty: false },
    );
    const report = JSON.parse(out) as VerifyReport;
    assert.equal(code, 0, `${err}\n${JSON.stringify(report.checks, null, 2)}`);
    assert.deepEqual([report.error, report.errorKind], [null, null]);
    assert.deepEqual(statuses(report), { 1: 'pass', 2: 'pass', 3: 'pass', 4: 'pass', 5: 'pass', 6: 'pass' });
    assert.equal(report.ok, true);
    assert.equal(report.cleanedUp, true);
    assert.match(check(report, 1).detail, /uid 10001/);
    assert.match(check(report, 2).detail, /GET \/healthz → 200/);
    const history = JSON.parse(readFileSync(historyFile, 'utf8')) as Record<string, { size: number; layers: number }>;
    assert.deepEqual(history[dockerfile] && [history[dockerfile].size, history[dockerfile].layers], [report.image.size, report.image.layers], 'size recorded');
    assert.equal(docker('ps', '-aq', '--filter', `id=${report.container?.id}`), '', 'container removed');
  });

  it('an image without a HEALTHCHECK passes check 2 over HTTP and fails check 5, pointing at healthcheck-missing', async () => {
    const report = await verify('no-healthcheck');
    const healthy = check(report, 2);
    assert.equal(healthy.status, 'pass', healthy.detail);
    assert.match(healthy.detail, /^no HEALTHCHECK; GET \/healthz answered 200 in \d+ ms \("ok"\)$/);
    const freeze = check(report, 5);
    assert.equal(freeze.status, 'fail');
    assert.equal(freeze.detail, 'no HEALTHCHECK: Docker cannot notice a frozen or hung app');
    assert.deepEqual(freeze.cause, { path: join(context, 'no-healthcheck.Dockerfile'), line: 1, rule: 'healthcheck-missing', ruleReported: true });
    for (const n of [1, 3, 4]) assert.equal(check(report, n).status, 'pass', `check ${n}: ${check(report, n).detail}`);
    assert.equal(report.ok, false);
    assert.equal(report.cleanedUp, true);
  });

  it('an image running as root fails check 1 and points at final-user-root; the CLI exits 1 and compares the size with the last run', async () => {
    const historyFile = join(context, 'history.json');
    const dockerfile = join(context, 'root.Dockerfile');
    writeFileSync(historyFile, JSON.stringify({ [dockerfile]: { size: 1000, layers: 2, at: '2026-01-01T00:00:00.000Z' } }));
    let out = '';
    let err = '';
    const code = await main(
      ['verify', '--json', '--tag', `shipshape-test-root:${RUN}`, '--label', `${LABEL}=${RUN}`, '--stop-grace', '4', '--history', historyFile, dockerfile],
      { out: (t) => (out += t), err: (t) => (err += t), isTty: false },
    );
    assert.equal(code, 1, err);
    const report = JSON.parse(out) as VerifyReport;
    assert.equal(check(report, 1).status, 'fail');
    assert.match(check(report, 1).detail, /root/);
    assert.equal(check(report, 1).cause?.rule, 'final-user-root');
    assert.equal(check(report, 1).cause?.line, 1);
    for (const n of [2, 3, 4, 5]) assert.equal(check(report, n).status, 'pass', `check ${n}: ${check(report, n).detail}`);
    assert.equal(check(report, 6).status, 'fail', 'grew from 1000 bytes');
    assert.match(check(report, 6).detail, /last run: 1\.00 kB, 2 layers/);
  });

  it('a shell-form CMD fails check 4 (PID 1 ignores SIGTERM) and points at the CMD line and shell-form-cmd', async () => {
    const report = await verify('shell-form');
    const stop = check(report, 4);
    assert.equal(stop.status, 'fail', stop.detail);
    assert.match(stop.detail, /killed \(exit 137\)/);
    assert.equal(stop.cause?.rule, 'shell-form-cmd');
    assert.equal(stop.cause?.line, 10);
    for (const n of [1, 2, 3]) assert.equal(check(report, n).status, 'pass', `check ${n}: ${check(report, n).detail}`);
    assert.equal(report.ok, false);
  });

  it('a HEALTHCHECK that always succeeds fails check 5 and points at the HEALTHCHECK line', async () => {
    const report = await verify('always-healthy');
    const freeze = check(report, 5);
    assert.equal(freeze.status, 'fail', freeze.detail);
    assert.match(freeze.detail, /stayed "healthy"/);
    assert.equal(freeze.cause?.line, 9);
    for (const n of [1, 2, 3, 4]) assert.equal(check(report, n).status, 'pass', `check ${n}: ${check(report, n).detail}`);
    const running = docker('ps', '-q', '--filter', `id=${report.container?.id}`);
    assert.equal(running, '', 'frozen container was resumed and removed');
  });

  it('a VOLUME owned by root fails check 3 for a non-root user and points at the VOLUME line', async () => {
    const report = await verify('root-volume');
    const volumes = check(report, 3);
    assert.equal(volumes.status, 'fail', volumes.detail);
    assert.match(volumes.detail, /cannot write \/data/);
    assert.equal(volumes.cause?.line, 8);
    for (const n of [1, 2, 4, 5]) assert.equal(check(report, n).status, 'pass', `check ${n}: ${check(report, n).detail}`);
  });

  it('a failing build reports the line of the failing step and starts no container', async () => {
    const report = await verify('broken');
    assert.equal(report.build?.ok, false);
    assert.equal(report.build?.failure?.line, 4);
    assert.match(report.build?.failure?.message ?? '', /non-zero code|did not complete/);
    assert.equal(report.container, null);
    assert.deepEqual(report.checks, []);
  });
});

describe('Compose Up and Check', () => {
  it('runs the same checks on a compose service, links its Dockerfile, and takes everything down', async () => {
    const project = join(context, 'compose.yaml');
    writeFileSync(
      project,
      ['services:', '  web:', '    build:', '      context: .', '      dockerfile: root.Dockerfile', '      labels:', `        ${LABEL}: "${RUN}"`, '    labels:', `      ${LABEL}: "${RUN}"`, '    ports:', '      - "127.0.0.1::8080"', ''].join('\n'),
    );
    const report = await composeUpAndCheck({ composeFile: project, service: 'web', stopGraceSeconds: 4, history: new MemoryHistory() });
    assert.equal(report.error, null);
    assert.equal(report.build?.ok, true);
    assert.equal(check(report, 1).status, 'fail');
    assert.equal(check(report, 1).cause?.path, join(context, 'root.Dockerfile'));
    assert.equal(check(report, 1).cause?.rule, 'final-user-root');
    for (const n of [2, 3, 4, 5]) assert.equal(check(report, n).status, 'pass', `check ${n}: ${check(report, n).detail}`);
    assert.equal(report.cleanedUp, true);
    const projectName = /shipshape-check-[0-9a-f]+/.exec(report.image.tag ?? '')?.[0];
    assert.ok(projectName, `compose image name ${report.image.tag}`);
    assert.equal(docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${projectName}`), '', 'containers removed');
    assert.equal(docker('network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${projectName}`), '', 'network removed');
    assert.equal(docker('images', '-q', report.image.tag ?? ''), '', 'built image removed');
  });
});

describe('Compose Up and Check of a service that does not build', () => {
  it('reports the failing line of its Dockerfile, starts nothing and leaves no build container', async () => {
    const project = join(context, 'broken-compose.yaml');
    writeFileSync(project, ['services:', '  web:', '    build:', '      context: .', '      dockerfile: broken.Dockerfile', '      labels:', `        ${LABEL}: "${RUN}"`, ''].join('\n'));
    const report = await composeUpAndCheck({ composeFile: project, service: 'web', history: new MemoryHistory() });
    assert.equal(report.error, null);
    assert.equal(report.dockerfile, join(context, 'broken.Dockerfile'));
    assert.equal(report.build?.ok, false);
    assert.equal(report.build?.failure?.line, 4);
    assert.match(report.build?.failure?.message ?? '', /non-zero code: 1|did not complete successfully/);
    assert.deepEqual([report.container, report.checks, report.cleanedUp], [null, [], true]);
    const buildContainers = docker('ps', '-a', '--no-trunc', '--format', '{{.Command}}').split('\n').filter((c) => c.includes('echo building'));
    assert.deepEqual(buildContainers, [], 'the failed step leaves no container');
  });
});

describe('Run Container, Probe Health, stop what was started', () => {
  it('runs the built image detached with hardened flags on 127.0.0.1, probes it, lists it by its Dockerfile and removes it', async () => {
    const tag = `shipshape-test-good:${RUN}`;
    if (!docker('images', '-q', tag)) await buildImage({ dockerfile: join(context, 'good.Dockerfile'), context, tag, labels });
    const image = await inspectImage(tag);
    const runLabel = `shipshape.run-test=${RUN}`;
    const dockerfileA = join(context, 'a', 'Dockerfile');
    const container = await runContainer({ image: tag, hardened: true, labels: { ...labels, 'shipshape.run-test': RUN, 'shipshape.dockerfile': dockerfileA } });
    const other = await runContainer({ image: tag, labels: { ...labels, 'shipshape.run-test': RUN, 'shipshape.dockerfile': join(context, 'b', 'Dockerfile') } });
    try {
      assert.equal(container.ports.length, 1);
      assert.equal(container.ports[0].hostIp, '127.0.0.1');
      assert.equal(container.ports[0].containerPort, 8080);
      const config = JSON.parse(docker('inspect', '--format', '{{json .HostConfig}}', container.id)) as { ReadonlyRootfs: boolean; CapDrop: string[]; SecurityOpt: string[] };
      assert.equal(config.ReadonlyRootfs, true);
      assert.deepEqual(config.CapDrop, ['ALL']);
      assert.ok(config.SecurityOpt.includes('no-new-privileges'));
      assert.equal(docker('inspect', '--format', '{{index .Config.Labels "shipshape.owner"}}', container.id), `${hostname()}/${process.pid}`);
      const ticks: { secondsLeft: number; phase?: string }[] = [];
      // 1 ms is shorter than the HEALTHCHECK needs: the probe waits as long as the HEALTHCHECK's own timings allow
      const probe = await probeContainerHealth(container.id, { host: '127.0.0.1', port: container.ports[0].hostPort }, image.healthcheck, { timeoutMs: 1, onTick: (t) => ticks.push(t) });
      assert.equal(probe.dockerHealth?.status, 'healthy');
      assert.ok(ticks.length > 0, 'countdown ticks');
      assert.deepEqual([...new Set(ticks.map((t) => t.phase))], ['retries'], 'no start period: the countdown is in the retries');
      assert.equal(probe.http?.status, 200);
      assert.equal(probe.http?.bodyExcerpt, 'ok');
      const both = await listContainers(['shipshape.started=run', runLabel]);
      assert.deepEqual(both.map((c) => c.id).sort(), [container.id.slice(0, 12), other.id.slice(0, 12)].sort());
      const listed = await listContainers(['shipshape.started=run', `shipshape.dockerfile=${dockerfileA}`, runLabel]);
      assert.deepEqual(listed.map((c) => [c.id, c.name, c.image, c.running]), [[container.id.slice(0, 12), container.name, tag, true]]);
      assert.match(listed[0].ports, /^127\.0\.0\.1:\d+->8080\/tcp$/);
    } finally {
      assert.equal(await removeContainersByLabel(runLabel), 2);
    }
    assert.deepEqual(await listContainers(runLabel), []);
  });
});

describe('containers left behind by interrupted checks', () => {
  it('are removed when their owner process is gone; those of live processes are kept', async () => {
    const tag = `shipshape-test-good:${RUN}`;
    if (!docker('images', '-q', tag)) await buildImage({ dockerfile: join(context, 'good.Dockerfile'), context, tag, labels });
    const gone = spawnSync('true').pid;
    const leftoverLabel = `shipshape.leftover-test=${RUN}`;
    const create = (owner: string): string =>
      docker('create', '--label', 'shipshape.started=check', '--label', `shipshape.owner=${owner}`, '--label', leftoverLabel, '--label', `${LABEL}=${RUN}`, '--', tag).slice(0, 12);
    const crashed = create(`${hostname()}/${gone}`);
    const live = create(`${hostname()}/${process.ppid}`);
    const own = create(ownerOfThisProcess());
    const left = (): string[] => docker('ps', '-aq', '--filter', `label=${leftoverLabel}`).split('\n').filter(Boolean).sort();
    try {
      assert.deepEqual(await removeLeftoverCheckContainers({ ownRunInProgress: true, labels: [leftoverLabel] }), [crashed]);
      assert.deepEqual(left(), [live, own].sort(), 'a live process and this one, with a check in progress, keep theirs');
      assert.deepEqual(await removeLeftoverCheckContainers({ ownRunInProgress: false, labels: [leftoverLabel] }), [own]);
      assert.deepEqual(left(), [live]);
    } finally {
      spawnSync('bash', ['-c', `docker ps -aq --filter label=${leftoverLabel} | xargs -r docker rm -f >/dev/null`]);
    }
  });
});

describe('a container that exits at once', () => {
  it('gives a clear report with its exit code and logs, and leaves nothing running', async () => {
    const report = await verify('exits');
    assert.equal(report.ok, false);
    const healthy = check(report, 2);
    assert.equal(healthy.status, 'fail');
    assert.equal(healthy.detail, 'the container exited with code 3 before it was healthy; its last output: "missing configuration"');
    assert.equal(healthy.cause?.line, 5, 'the cause is the CMD that started the process');
    assert.equal(check(report, 4).status, 'skip');
    assert.equal(report.cleanedUp, true);
    assert.equal(docker('ps', '-aq', '--filter', `label=${LABEL}=${RUN}`, '--filter', 'ancestor=' + `shipshape-test-exits:${RUN}`), '', 'no container is left');
  });
});

describe('a container that cannot start', () => {
  it('is removed again, and the error says why', async () => {
    const taken = createServer();
    await new Promise<void>((ready) => taken.listen(0, '127.0.0.1', ready));
    const port = (taken.address() as AddressInfo).port;
    const name = `shipshape-test-taken-${RUN}`;
    try {
      if (!docker('images', '-q', `shipshape-test-good:${RUN}`)) await buildImage({ dockerfile: join(context, 'good.Dockerfile'), context, tag: `shipshape-test-good:${RUN}`, labels });
      await assert.rejects(runContainer({ image: `shipshape-test-good:${RUN}`, name, ports: [{ hostPort: port, containerPort: 8080, protocol: 'tcp' }], labels }), /address already in use|port is already allocated|bind/i);
      assert.equal(docker('ps', '-aq', '--filter', `name=${name}`), '', 'the created container was removed');
    } finally {
      taken.close();
    }
  });
});

describe('cancel and input safety', () => {
  it('cancelling mid-build kills the build and leaves no container or process behind', async () => {
    const controller = new AbortController();
    const started = Date.now();
    let sawSlowStep = false;
    const report = await verify('slow', {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.step && /sleep/.test(event.step.text) && !sawSlowStep) {
          sawSlowStep = true;
          setTimeout(() => controller.abort(), 1000);
        }
      },
    });
    const elapsed = Date.now() - started;
    assert.ok(sawSlowStep, 'the slow step started');
    assert.equal(report.cancelled, true);
    assert.equal(report.ok, false);
    assert.ok(elapsed < 15_000, `cancelled in ${elapsed} ms`);
    let leftovers: string[] = [];
    for (let i = 0; i < 40; i++) {
      const containers = docker('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}').split('\n').filter((l) => l.includes(SLEEP));
      const processes = processCommandLines().filter((l) => l.includes(`sleep ${SLEEP}`) || l.includes(join(context, 'slow.Dockerfile')));
      leftovers = [...containers, ...processes];
      if (leftovers.length === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(leftovers, []);
  });

  it('cancelling while the app is frozen resumes and removes the container', async () => {
    const controller = new AbortController();
    const report = await verify('good', {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.message.startsWith('App frozen')) controller.abort();
      },
    });
    assert.equal(report.cancelled, true);
    assert.ok(report.container, 'a container was started');
    assert.equal(report.cleanedUp, true);
    assert.equal(docker('ps', '-aq', '--filter', `id=${report.container.id}`), '', 'container removed');
    assert.deepEqual(report.checks.map((c) => c.number), [1, 2, 3], 'the checks done before the cancel are kept');
  });

  it('rejects image names with shell metacharacters or a leading "-" before anything runs', async () => {
    const fake = join(context, 'fake-docker.sh');
    const log = join(context, 'fake-docker.log');
    writeFileSync(fake, `#!/bin/sh\necho "$@" >> '${log}'\n`);
    chmodSync(fake, 0o755);
    const bad = ['app;touch /tmp/shipshape-pwned', 'app$(id)', 'app`id`', 'app|cat', 'app && ls', '--privileged', '-t', 'App:1', 'app:tag with space', "app'x", 'app>out', ''];
    for (const name of bad) {
      assert.ok(imageReferenceProblem(name), `${JSON.stringify(name)} accepted`);
      await assert.rejects(verify('good', { tag: name, dockerPath: fake }), InputError, JSON.stringify(name));
      await assert.rejects(buildImage({ dockerfile: join(context, 'good.Dockerfile'), tag: name, dockerPath: fake }), InputError);
      await assert.rejects(runContainer({ image: name, dockerPath: fake }), InputError);
    }
    let err = '';
    const code = await main(['verify', '--docker', fake, '--tag', 'x;touch /tmp/shipshape-pwned', join(context, 'good.Dockerfile')], { out: () => undefined, err: (t) => (err += t), isTty: false });
    assert.equal(code, 2);
    assert.match(err, /contains characters an image name cannot have \(";", white space\)/);
    assert.equal(existsSync(log), false, 'docker was never run');
    assert.equal(existsSync('/tmp/shipshape-pwned'), false);
    for (const good of ['app', 'app:1.0', 'team/app:dev', 'registry.example:5000/team/app:v1.2-rc_3', `app@sha256:${'a'.repeat(64)}`]) {
      assert.equal(imageReferenceProblem(good), null, good);
    }
  });

  it('a missing docker CLI or a stopped daemon gives one clear message, not a stack trace', async () => {
    await assert.rejects(checkEngine({ dockerPath: join(context, 'no-such-docker') }), (error: unknown) => {
      assert.ok(error instanceof DockerUnavailableError);
      assert.equal(error.reason, 'no-cli');
      assert.match(error.message, /docker CLI was not found.*Install Docker/);
      return true;
    });
    const down = join(context, 'daemon-down.sh');
    writeFileSync(down, '#!/bin/sh\necho "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2\nexit 1\n');
    chmodSync(down, 0o755);
    const report = await verify('good', { dockerPath: down });
    assert.match(report.error ?? '', /^The Docker daemon is not running or not reachable .*Start it/);
    assert.doesNotMatch(report.error ?? '', /\n\s+at /);
    assert.equal(report.ok, false);
  });
});

describe('shipshape verify interrupted', () => {
  it('on SIGTERM removes the container it started and exits 143', async () => {
    const cli = join(ROOT, 'dist', 'cli.js');
    const sources = join(ROOT, 'server', 'src', 'runtime', 'verify-cli.ts');
    assert.ok(existsSync(cli) && statSync(cli).mtimeMs >= statSync(sources).mtimeMs, 'bin/shipshape.js runs dist/cli.js, older than the sources: run `npm run build` first');
    const signalLabel = `shipshape.signal-test=${RUN}`;
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'shipshape.js'), 'verify', '--tag', `shipshape-test-good:${RUN}`, '--label', `${LABEL}=${RUN}`, '--label', signalLabel, join(context, 'good.Dockerfile')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // shipshape.started: the run's container, not the classic builder's step containers (they carry the build labels too)
    const started = (): string => docker('ps', '-aq', '--filter', 'label=shipshape.started=check', '--filter', `label=${signalLabel}`);
    const deadline = Date.now() + 120_000;
    while (!started() && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(started(), `the run started a container (output so far: ${output})`);
    child.kill('SIGTERM');
    assert.equal(await exited, 143, output);
    assert.equal(started(), '', 'the container it started is removed');
    assert.match(output, /Cancelled: /);
  });
});
