/**
 * The runtime module's parts that need no engine: build output, names, docker run arguments,
 * causes, report text, the HTTP probe, finding Compose, health phases and what counts as left behind.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  BuildOutputReader,
  CauseFinder,
  DockerUnavailableError,
  emptyReport,
  findCompose,
  formatHealthTick,
  healthPhase,
  isLeftover,
  parseDockerDate,
  probeHttp,
  type LeftoverRules,
  formatReportMarkdown,
  formatReportText,
  healthcheckOf,
  InputError,
  makeCheck,
  parsePortMapping,
  runArguments,
  tagFromFolder,
  assertBindAddress,
} from '../../server/src/runtime';

const DOCKERFILE = ['FROM alpine:3.20 AS base', 'RUN apk add --no-cache curl', '', 'FROM base', 'COPY app /app', 'RUN echo one && \\', '    false', 'CMD ["/app/run"]', ''].join('\n');

describe('build output', () => {
  it('maps BuildKit plain steps to Dockerfile lines and reads the failing line it prints', () => {
    const reader = new BuildOutputReader(DOCKERFILE, 'Dockerfile');
    const steps = [
      '#0 building with "default" instance using docker driver',
      '#1 [internal] load build definition from Dockerfile',
      '#5 [base 1/2] FROM docker.io/library/alpine:3.20@sha256:0123',
      '#6 [base 2/2] RUN apk add --no-cache curl',
      '#6 0.412 fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz',
      '#7 [stage-1 1/2] COPY app /app',
      '#8 [stage-1 2/2] RUN echo one &&     false',
      '#8 0.201 one',
      '#8 ERROR: process "/bin/sh -c echo one &&     false" did not complete successfully: exit code: 1',
      '------',
      ' > [stage-1 2/2] RUN echo one &&     false:',
      '------',
      'Dockerfile:6',
      '--------------------',
      '   5 |     COPY app /app',
      '   6 | >>> RUN echo one && \\',
      '   7 | >>>     false',
      '   8 |     CMD ["/app/run"]',
      '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c echo one &&     false" did not complete successfully: exit code: 1',
    ]
      .map((line) => reader.feed(line))
      .filter((step) => step !== null);
    assert.deepEqual(
      steps.map((s) => [s.index, s.total, s.line]),
      [
        [1, 2, null],
        [2, 2, 2],
        [1, 2, 5],
        [2, 2, 6],
      ],
    );
    const failure = reader.failure(1);
    assert.equal(failure.line, 6);
    assert.match(failure.message, /^ERROR: failed to solve: process .* exit code: 1$/);
    assert.equal(failure.step, 'RUN echo one &&     false');
  });

  it('maps classic-builder steps by their text and blames the last step on failure', () => {
    const reader = new BuildOutputReader(DOCKERFILE, 'Dockerfile');
    for (const line of [
      'Sending build context to Docker daemon  3.072kB',
      'Step 1/7 : FROM alpine:3.20 AS base',
      ' ---> 91ef0af61f39',
      'Step 2/7 : RUN apk add --no-cache curl',
      ' ---> Using cache',
      'Step 3/7 : FROM base',
      'Step 4/7 : COPY app /app',
      'Step 5/7 : RUN echo one &&     false',
      ' ---> Running in 2b5f0c6f1f65',
      'one',
      "The command '/bin/sh -c echo one &&     false' returned a non-zero code: 1",
    ]) {
      reader.feed(line);
    }
    assert.equal(reader.lastStep?.line, 6);
    const failure = reader.failure(1);
    assert.equal(failure.line, 6);
    assert.match(failure.message, /returned a non-zero code: 1/);
  });
});

describe('names and arguments', () => {
  it('derives valid tags from folder names', () => {
    assert.equal(tagFromFolder('My App'), 'my-app:dev');
    assert.equal(tagFromFolder('--rm'), 'rm:dev');
    assert.equal(tagFromFolder('...'), 'app:dev');
    assert.equal(tagFromFolder('service_2.api'), 'service_2.api:dev');
  });

  it('reads port mappings and rejects anything else', () => {
    assert.deepEqual(parsePortMapping('8080'), { hostPort: undefined, containerPort: 8080, protocol: 'tcp' });
    assert.deepEqual(parsePortMapping('3000:8080/udp'), { hostPort: 3000, containerPort: 8080, protocol: 'udp' });
    for (const bad of ['0', '70000', '-p 80', '80:80:80', '8080/sctp', '0.0.0.0:80:80']) assert.throws(() => parsePortMapping(bad), InputError, bad);
    assert.equal(assertBindAddress('127.0.0.1'), '127.0.0.1');
    assert.equal(assertBindAddress('::1'), '[::1]');
    assert.throws(() => assertBindAddress('localhost'), InputError);
    assert.throws(() => assertBindAddress('--network=host'), InputError);
  });

  it('builds docker run arguments: loopback publishing, hardened flags, options never after the image', () => {
    const args = runArguments({ image: 'app:dev', name: 'c1', hardened: true, user: '10001:10001', envFile: '/work/.env', labels: { 'shipshape.dockerfile': '/work/Dockerfile' } }, [
      { port: 8080, protocol: 'tcp' },
      { port: 53, protocol: 'udp' },
    ]);
    assert.deepEqual(args, [
      'run',
      '--detach',
      '--name=c1',
      '--label=shipshape.started=run',
      `--label=shipshape.owner=${hostname()}/${process.pid}`,
      '--label=shipshape.dockerfile=/work/Dockerfile',
      '--publish=127.0.0.1::8080/tcp',
      '--publish=127.0.0.1::53/udp',
      '--read-only',
      '--cap-drop=ALL',
      '--security-opt=no-new-privileges',
      '--tmpfs=/tmp',
      '--user=10001:10001',
      '--env-file=/work/.env',
      '--',
      'app:dev',
    ]);
    assert.throws(() => runArguments({ image: 'app', user: '0;id' }, []), InputError);
    assert.throws(() => runArguments({ image: 'app', labels: { 'a b': 'x' } }, []), InputError);
    assert.throws(() => runArguments({ image: 'app', name: '--privileged' }, []), InputError);
  });

  it("reads Docker's HEALTHCHECK config with Docker's defaults", () => {
    assert.equal(healthcheckOf({ Test: ['NONE'] }), null);
    assert.equal(healthcheckOf(undefined), null);
    assert.deepEqual(healthcheckOf({ Test: ['CMD', 'true'], Interval: 1e9 }), { test: ['CMD', 'true'], intervalMs: 1000, timeoutMs: 30000, startPeriodMs: 0, retries: 3 });
  });
});

describe('causes and report', () => {
  const file = ['FROM scratch', 'COPY app /app', 'VOLUME ["/data"]', 'HEALTHCHECK CMD ["/bin/true"]', 'ENTRYPOINT ["/app/run"]', 'CMD serve --port 80', ''].join('\n');

  it('finds the line behind each failed check', () => {
    const causes = new CauseFinder('/w/Dockerfile', file);
    assert.deepEqual(causes.rootUser(), { path: '/w/Dockerfile', line: 1, rule: 'final-user-root', ruleReported: true });
    assert.equal(causes.slowStop().line, 6);
    assert.equal(causes.slowStop().rule, 'shell-form-cmd');
    assert.equal(causes.volume('/data/').line, 3);
    assert.equal(causes.healthcheck().line, 4);
    assert.equal(new CauseFinder('/w/Dockerfile', 'FROM scratch\nUSER 0\n').missingHealthcheck().line, 1);
  });

  it('prints a report with each failure, its cause and a summary line', () => {
    const report = emptyReport('dockerfile', '/w/Dockerfile', '/w/Dockerfile', 'app:dev');
    report.build = { ok: true, durationMs: 1200, builder: 'classic', failure: null };
    report.checks = [
      makeCheck('non-root', 'fail', 'the process runs as root (id -u = 0)', 5, { path: '/w/Dockerfile', line: 1, rule: 'final-user-root', ruleReported: true }),
      makeCheck('healthy', 'pass', 'healthy after 1.0 s', 5, { path: '/w/Dockerfile', line: 2, rule: null, ruleReported: false }),
      makeCheck('volumes-writable', 'skip', 'the image declares no VOLUME', 0),
    ];
    const text = formatReportText(report);
    assert.match(text, /FAIL {2}1\. Process does not run as root: the process runs as root \(id -u = 0\)\n {8}cause: Dockerfile:1 \(rule final-user-root\)/);
    assert.doesNotMatch(text, /Dockerfile:2/, 'a passing check has no cause');
    assert.match(text, /Failed check 1: 1 passed, 1 failed, 1 skipped/);
    const markdown = formatReportMarkdown(report, (c) => `file://${c.path}#L${c.line}`);
    assert.match(markdown, /\| 1 \| Process does not run as root \| ❌ \*\*fail\*\* \| .* \| \[Dockerfile:1\]\(file:\/\/\/w\/Dockerfile#L1\) · rule `final-user-root` \|/);
  });
});

describe('HTTP probe', () => {
  it('falls back from /healthz to /health and reports the status, latency and a body excerpt', async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      if (req.url === '/health') res.writeHead(200, { 'content-type': 'text/plain' }).end('  all\n  good ');
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const port = (server.address() as AddressInfo).port;
    try {
      const probe = await probeHttp('127.0.0.1', port, ['/healthz', '/health'], 2000);
      assert.deepEqual(asked, ['/healthz', '/health']);
      assert.deepEqual({ ...probe, latencyMs: 0 }, { url: `http://127.0.0.1:${port}/health`, status: 200, ok: true, latencyMs: 0, bodyExcerpt: 'all good', error: null });
      assert.ok(probe.latencyMs >= 0 && probe.latencyMs < 2000, `latency ${probe.latencyMs} ms`);
      const none = await probeHttp('127.0.0.1', port, ['/healthz', '/ready'], 2000);
      assert.deepEqual([none.url, none.status, none.ok, none.bodyExcerpt], [`http://127.0.0.1:${port}/ready`, 404, false, 'not found'], 'no 2xx: the last answer');
    } finally {
      server.close();
    }
  });
});

describe('finding Compose', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-compose-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const script = (name: string, body: string): string => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const dockerWithoutPlugin = script('docker', `echo "docker: 'compose' is not a docker command." >&2\nexit 1`);
  const composeV1 = script('docker-compose', '[ "$1" = version ] && [ "$2" = --short ] && { echo 1.29.2; exit 0; }\nexit 3');

  it('uses docker-compose (v1) when the docker CLI has no compose plugin', async () => {
    assert.deepEqual(await findCompose({ dockerPath: dockerWithoutPlugin, composePath: composeV1 }), { executable: composeV1, prefix: [], version: '1.29.2' });
  });

  it('prefers the v2 plugin when it answers', async () => {
    const dockerV2 = script('docker-v2', '[ "$1 $2 $3" = "compose version --short" ] && { echo 2.24.5; exit 0; }\nexit 1');
    assert.deepEqual(await findCompose({ dockerPath: dockerV2, composePath: composeV1 }), { executable: dockerV2, prefix: ['compose'], version: '2.24.5' });
  });

  it('says what to install when neither answers', async () => {
    await assert.rejects(findCompose({ dockerPath: dockerWithoutPlugin, composePath: join(dir, 'no-such-compose') }), (error: unknown) => {
      assert.ok(error instanceof DockerUnavailableError);
      assert.equal(error.reason, 'no-cli');
      assert.equal(
        error.message,
        'Docker Compose was not found: neither "docker compose" (v2) nor "docker-compose" answered. Install the Compose plugin (docker-compose-plugin or docker-compose), then try again.',
      );
      return true;
    });
  });
});

describe('health phases', () => {
  const hc = { test: ['CMD', 'true'], intervalMs: 1000, timeoutMs: 1000, startPeriodMs: 5000, retries: 3 };

  it('is in the start period until it has passed, then counts retries', () => {
    assert.equal(healthPhase(hc, 0), 'start period');
    assert.equal(healthPhase(hc, 4999), 'start period');
    assert.equal(healthPhase(hc, 5000), 'retries');
    assert.equal(healthPhase({ ...hc, startPeriodMs: 0 }, 0), 'retries');
  });

  it('labels the countdown with the phase', () => {
    assert.equal(formatHealthTick({ status: 'starting', secondsLeft: 12, phase: 'start period' }), 'starting (start period), 12 s left');
    assert.equal(formatHealthTick({ status: 'starting', secondsLeft: 3, phase: 'retries' }), 'starting (retries), 3 s left');
    assert.equal(formatHealthTick({ status: 'HTTP 503', secondsLeft: 7 }), 'HTTP 503, 7 s left');
  });
});

describe('containers left behind by interrupted checks', () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  const rules: LeftoverRules = { thisOwner: 'box/100', thisHost: 'box', ownRunInProgress: false, alive: (pid) => pid === 200, now, maxAgeMs: 3600_000 };
  const container = (owner: string | null, ageMs: number | null) => ({ id: 'c', owner, createdAt: ageMs === null ? null : now - ageMs });

  it('are those of a process gone from this machine, or of this one when it runs no check', () => {
    assert.equal(isLeftover(container('box/100', 10), rules), true, 'this process, no check in progress');
    assert.equal(isLeftover(container('box/100', 10), { ...rules, ownRunInProgress: true }), false, 'this process, a check in progress');
    assert.equal(isLeftover(container('box/200', 10), rules), false, 'another live process here');
    assert.equal(isLeftover(container('box/300', 10), rules), true, 'a process here that is gone');
  });

  it('are, for owners that cannot be asked, only those older than the age limit', () => {
    assert.equal(isLeftover(container('elsewhere/300', 3599_000), rules), false);
    assert.equal(isLeftover(container('elsewhere/300', 3601_000), rules), true);
    assert.equal(isLeftover(container(null, 3601_000), rules), true, 'no owner label');
    assert.equal(isLeftover(container(null, null), rules), false, 'no owner and no date: kept');
    assert.equal(isLeftover(container('box', 3599_000), rules), false, 'an owner without a pid is asked by age');
  });

  it("reads docker's creation dates", () => {
    assert.equal(parseDockerDate('2026-11-23 07:10:58 +0000 UTC'), Date.UTC(2026, 10, 23, 7, 10, 58));
    assert.equal(parseDockerDate('2026-11-23 08:10:58 +0100 CET'), Date.UTC(2026, 10, 23, 7, 10, 58));
    assert.equal(parseDockerDate('2026-11-23 07:10:58.123456789 +0000 UTC'), Date.UTC(2026, 10, 23, 7, 10, 58));
    assert.equal(parseDockerDate('yesterday'), null);
  });
});
