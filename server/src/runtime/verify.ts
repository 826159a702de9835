/**
 * Build and Check: build → run → wait for healthy → six checks on the running container → remove
 * everything it started (also on failure and cancel). `checkContainer` is the part shared with
 * Compose Up and Check.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { buildImage, type BuildStep } from './build';
import { CauseFinder, type Cause } from './causes';
import { removeContainer, runContainer, stopContainer, type PublishedPort } from './container';
import { CancelledError, checkEngine, docker, DockerUnavailableError, InputError, runDocker, type DockerOptions } from './docker-cli';
import { formatHealthTick, healthDeadlineMs, probeHttp, waitForHealth, waitForHttp, type HealthTick } from './health';
import type { HistoryStore } from './history';
import { inspectContainer, inspectImage, isRootUser, type ImageInfo } from './inspect';
import { assertBindAddress, assertImageReference, assertNotOption, assertUser, tagFromFolder, type PortMapping } from './names';
import { formatBytes, makeCheck, type CheckId, type CheckResult, type VerifyReport } from './report';

export type ProgressPhase = 'engine' | 'build' | 'run' | 'health' | 'check' | 'cleanup';

export interface ProgressEvent {
  phase: ProgressPhase;
  message: string;
  step?: BuildStep;
  secondsLeft?: number;
}

export interface CheckSettings {
  /** HTTP paths tried on the first published TCP port (default /healthz, then /health). */
  healthPaths?: string[];
  /** How long the container may take to become healthy (default 60 s). */
  healthTimeoutMs?: number;
  /** docker stop's grace period (default 10 s); stopping must take less than half of it. */
  stopGraceSeconds?: number;
  /** Paths that must be writable besides the image's VOLUMEs. */
  dataPaths?: string[];
  history?: HistoryStore;
  /** Check 6 fails when the image grew by more than this since the last run (default 10 %). */
  sizeGrowthLimitPercent?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface VerifyOptions extends DockerOptions, CheckSettings {
  dockerfile: string;
  context?: string;
  /** Default: derived from the context folder's name (`my-app:dev`). */
  tag?: string;
  buildArgs?: Record<string, string>;
  ports?: PortMapping[];
  bindAddress?: string;
  hardened?: boolean;
  user?: string;
  envFile?: string;
  /** Labels for the image and the container (e.g. `shipshape.test=1`). */
  labels?: Record<string, string>;
  /** Also remove the built image at the end (default: keep it). */
  removeImage?: boolean;
  onOutput?: (line: string) => void;
}

const DEFAULT_HEALTH_PATHS = ['/healthz', '/health'];

/** Validates every user value before anything runs; throws `InputError`. */
export function validateVerifyOptions(options: VerifyOptions): { tag: string; dockerfile: string; context: string } {
  const dockerfile = resolve(options.dockerfile);
  const context = resolve(options.context ?? dirname(dockerfile));
  const tag = assertImageReference(options.tag ?? tagFromFolder(basename(context)));
  assertNotOption(dockerfile, 'Dockerfile path');
  if (options.user) assertUser(options.user);
  if (options.bindAddress) assertBindAddress(options.bindAddress);
  if (options.envFile) assertNotOption(options.envFile, 'env file');
  for (const path of options.dataPaths ?? []) {
    if (!path.startsWith('/')) throw new InputError(`The data path ${JSON.stringify(path)} must be an absolute path inside the container.`);
  }
  return { tag, dockerfile, context };
}

export function emptyReport(kind: VerifyReport['kind'], target: string, dockerfile: string | null, tag: string | null): VerifyReport {
  return {
    kind,
    target,
    dockerfile,
    image: { tag, id: null, size: null, layers: null, previous: null },
    build: null,
    container: null,
    checks: [],
    ok: false,
    cancelled: false,
    error: null,
    errorKind: null,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    cleanedUp: true,
  };
}

/** Builds the Dockerfile, runs it and checks it. Resolves with a report (also when cancelled); throws `InputError` on bad input. */
export async function verifyDockerfile(options: VerifyOptions): Promise<VerifyReport> {
  const { tag, dockerfile, context } = validateVerifyOptions(options);
  const started = Date.now();
  const report = emptyReport('dockerfile', dockerfile, dockerfile, tag);
  const progress = (event: ProgressEvent): void => options.onProgress?.(event);
  const dockerOptions: DockerOptions = { dockerPath: options.dockerPath, signal: options.signal };
  let containerId: string | null = null;
  try {
    progress({ phase: 'engine', message: 'Checking the Docker engine' });
    await checkEngine(dockerOptions);
    progress({ phase: 'build', message: `Building ${tag}` });
    const build = await buildImage({
      ...dockerOptions,
      dockerfile,
      context,
      tag,
      labels: options.labels,
      buildArgs: options.buildArgs,
      onOutput: options.onOutput,
      onStep: (step) => progress({ phase: 'build', message: `Step ${step.index}${step.total ? `/${step.total}` : ''}: ${step.text}`, step }),
    });
    report.build = { ok: build.ok, durationMs: build.durationMs, builder: build.builder, failure: build.failure };
    report.image.id = build.imageId;
    if (!build.ok) return report;

    const image = await inspectImage(tag, dockerOptions);
    progress({ phase: 'run', message: `Starting ${tag}` });
    const container = await runContainer({
      ...dockerOptions,
      image: tag,
      ports: options.ports,
      bindAddress: options.bindAddress,
      hardened: options.hardened,
      user: options.user,
      envFile: options.envFile,
      labels: options.labels,
      purpose: 'check',
    });
    containerId = container.id;
    report.container = { id: container.id, name: container.name, ports: container.ports };
    const causes = new CauseFinder(dockerfile, readFileSync(dockerfile, 'utf8'));
    report.checks = await checkContainer({ ...options, ...dockerOptions, containerId: container.id, image, ports: container.ports, causes, historyKey: dockerfile }, report);
  } catch (error) {
    recordError(report, error);
  } finally {
    if (containerId) {
      progress({ phase: 'cleanup', message: 'Removing the container' });
      report.cleanedUp = await removeContainer(containerId, { dockerPath: options.dockerPath });
    }
    if (options.removeImage && report.image.id) {
      await runDocker(['image', 'rm', '--force', '--', tag], { dockerPath: options.dockerPath }).catch(() => undefined);
    }
    report.ok = !report.cancelled && !report.error && report.build?.ok === true && report.checks.length > 0 && report.checks.every((c) => c.status !== 'fail');
    report.durationMs = Date.now() - started;
  }
  return report;
}

export function recordError(report: VerifyReport, error: unknown): void {
  if (error instanceof CancelledError || (error as Error)?.name === 'AbortError') {
    report.cancelled = true;
    return;
  }
  report.error = error instanceof Error ? error.message : String(error);
  report.errorKind = error instanceof DockerUnavailableError ? 'docker-unavailable' : error instanceof InputError ? 'input' : 'other';
}

export interface ContainerCheckContext extends DockerOptions, CheckSettings {
  containerId: string;
  image: ImageInfo;
  ports: PublishedPort[];
  causes: CauseFinder | null;
  /** Key of the size history (the Dockerfile or compose service). */
  historyKey: string;
}

/** Host address to reach a published port from here: loopback for wildcard binds. */
export function probeHost(port: PublishedPort): string {
  if (port.hostIp === '' || port.hostIp === '0.0.0.0') return '127.0.0.1';
  if (port.hostIp === '::') return '::1';
  return port.hostIp;
}

/**
 * Runs the six checks on a started container, in the order that keeps it alive as long as needed
 * (health, user, volumes, freeze, stop, size); returns them numbered 1–6. Partial results are
 * kept in `report.checks` as they come, so a cancel still shows what ran.
 */
export async function checkContainer(ctx: ContainerCheckContext, report: VerifyReport): Promise<CheckResult[]> {
  const results = new Map<CheckId, CheckResult>();
  const put = (check: CheckResult): void => {
    results.set(check.id, check);
    report.checks = [...results.values()].sort((a, b) => a.number - b.number);
  };
  const progress = (message: string, secondsLeft?: number): void => ctx.onProgress?.({ phase: secondsLeft === undefined ? 'check' : 'health', message, secondsLeft });
  const opts: DockerOptions = { dockerPath: ctx.dockerPath, signal: ctx.signal };
  const cause = (pick: (c: CauseFinder) => Cause): Cause | null => (ctx.causes ? pick(ctx.causes) : null);
  const httpPort = ctx.ports.find((p) => p.protocol === 'tcp');
  const paths = ctx.healthPaths && ctx.healthPaths.length > 0 ? ctx.healthPaths : DEFAULT_HEALTH_PATHS;
  const healthTimeoutMs = ctx.healthTimeoutMs ?? 60_000;
  const hc = ctx.image.healthcheck;

  // 2. health
  let healthy = false;
  {
    const t0 = Date.now();
    const tick = (what: string) => (t: HealthTick) => progress(`${what}: ${formatHealthTick(t)}`, t.secondsLeft);
    if (hc) {
      const wait = await waitForHealth(ctx.containerId, {
        ...opts,
        until: ['healthy', 'unhealthy'],
        timeoutMs: Math.min(healthTimeoutMs, healthDeadlineMs(hc) + 3000),
        onTick: tick('Waiting for health'),
        healthcheck: hc,
      });
      healthy = wait.status === 'healthy';
      let http = '';
      if (healthy && httpPort) {
        const probe = await probeHttp(probeHost(httpPort), httpPort.hostPort, paths, 2000, ctx.signal);
        http = `; GET ${new URL(probe.url).pathname} → ${probe.status ?? probe.error} in ${probe.latencyMs} ms`;
      }
      const last = wait.state?.health?.lastOutput ? ` (last check output: ${wait.state.health.lastOutput.slice(0, 160)})` : '';
      const detail =
        wait.status === 'healthy'
          ? `healthy after ${(wait.elapsedMs / 1000).toFixed(1)} s${http}`
          : wait.status === 'unhealthy'
            ? `turned unhealthy after ${(wait.elapsedMs / 1000).toFixed(1)} s${last}`
            : wait.status === 'exited'
              ? `the container exited with code ${wait.state?.exitCode} before it was healthy${await lastOutput(ctx.containerId, opts)}`
              : `still "${wait.status}" after ${(wait.elapsedMs / 1000).toFixed(1)} s${last}`;
      put(makeCheck('healthy', healthy ? 'pass' : 'fail', detail, Date.now() - t0, cause((c) => (wait.status === 'exited' ? c.startCommand() : c.healthcheck()))));
    } else if (httpPort) {
      const probe = await waitForHttp(probeHost(httpPort), httpPort.hostPort, paths, { timeoutMs: Math.min(healthTimeoutMs, 30_000), signal: ctx.signal, onTick: tick('Probing HTTP') });
      healthy = probe.ok;
      const path = new URL(probe.url).pathname;
      const detail = probe.ok
        ? `no HEALTHCHECK; GET ${path} answered ${probe.status} in ${probe.latencyMs} ms${probe.bodyExcerpt ? ` ("${probe.bodyExcerpt.slice(0, 60)}")` : ''}`
        : `no HEALTHCHECK, and GET ${path} ${probe.status !== null ? `answered ${probe.status}` : `failed (${probe.error})`}`;
      put(makeCheck('healthy', probe.ok ? 'pass' : 'fail', detail, Date.now() - t0, cause((c) => c.missingHealthcheck())));
    } else {
      put(makeCheck('healthy', 'fail', 'no HEALTHCHECK and no published TCP port to probe', Date.now() - t0, cause((c) => c.missingHealthcheck())));
    }
  }

  // 1. user
  {
    const t0 = Date.now();
    progress('Checking the user');
    const idResult = await runDocker(['exec', ctx.containerId, 'id', '-u'], opts);
    const uidText = idResult.stdout.trim();
    if (idResult.code === 0 && /^\d+$/.test(uidText)) {
      const uid = Number(uidText);
      put(makeCheck('non-root', uid === 0 ? 'fail' : 'pass', uid === 0 ? 'the process runs as root (id -u = 0)' : `runs as uid ${uid}`, Date.now() - t0, cause((c) => c.rootUser())));
    } else {
      const state = await inspectContainer(ctx.containerId, opts);
      const user = state.user || ctx.image.user;
      const root = isRootUser(user);
      const detail = root ? `runs as root (${user ? `user "${user}"` : 'no USER set'}; from docker inspect)` : `runs as "${user}" (from docker inspect; the image has no id command)`;
      put(makeCheck('non-root', root ? 'fail' : 'pass', detail, Date.now() - t0, cause((c) => c.rootUser())));
    }
  }

  // 3. volumes
  {
    const t0 = Date.now();
    const paths = [...new Set([...ctx.image.volumes, ...(ctx.dataPaths ?? [])])];
    const state = await inspectContainer(ctx.containerId, opts);
    if (paths.length === 0) {
      put(makeCheck('volumes-writable', 'skip', 'the image declares no VOLUME and no data paths are configured', Date.now() - t0));
    } else if (!state.running) {
      put(makeCheck('volumes-writable', 'skip', `the container is not running (exit code ${state.exitCode})`, Date.now() - t0));
    } else {
      progress('Checking volumes');
      const notWritable: string[] = [];
      const unknown: string[] = [];
      for (const path of paths) {
        const result = await runDocker(['exec', ctx.containerId, 'test', '-w', path], opts);
        if (result.code === 0) continue;
        if (result.code === 1) notWritable.push(path);
        else unknown.push(path);
      }
      const who = state.user ? `user "${state.user}"` : 'the container user';
      if (notWritable.length > 0) {
        put(makeCheck('volumes-writable', 'fail', `${who} cannot write ${notWritable.join(', ')}`, Date.now() - t0, cause((c) => c.volume(notWritable[0]))));
      } else if (unknown.length > 0) {
        put(makeCheck('volumes-writable', 'skip', `could not test ${unknown.join(', ')} (the image has no test command)`, Date.now() - t0));
      } else {
        put(makeCheck('volumes-writable', 'pass', `${who} can write ${paths.join(', ')}`, Date.now() - t0));
      }
    }
  }

  // 5. freeze
  {
    const t0 = Date.now();
    if (!hc) {
      put(makeCheck('health-detects-freeze', 'fail', 'no HEALTHCHECK: Docker cannot notice a frozen or hung app', Date.now() - t0, cause((c) => c.missingHealthcheck())));
    } else if (!healthy) {
      put(makeCheck('health-detects-freeze', 'skip', 'the container never became healthy', Date.now() - t0));
    } else {
      progress('Freezing PID 1 (SIGSTOP)');
      await docker(['kill', '--signal=SIGSTOP', '--', ctx.containerId], opts);
      let wait;
      try {
        wait = await waitForHealth(ctx.containerId, {
          ...opts,
          until: ['unhealthy'],
          timeoutMs: healthDeadlineMs({ ...hc, startPeriodMs: 0 }),
          onTick: (t) => progress(`App frozen, waiting for unhealthy: ${t.status}, ${t.secondsLeft} s left`, t.secondsLeft),
        });
      } finally {
        await runDocker(['kill', '--signal=SIGCONT', '--', ctx.containerId], { dockerPath: ctx.dockerPath }).catch(() => undefined);
      }
      const secs = (wait.elapsedMs / 1000).toFixed(1);
      put(
        wait.status === 'unhealthy'
          ? makeCheck('health-detects-freeze', 'pass', `turned unhealthy ${secs} s after PID 1 was frozen`, Date.now() - t0)
          : makeCheck('health-detects-freeze', 'fail', `stayed "${wait.status}" for ${secs} s while PID 1 was frozen: the health check does not test the app`, Date.now() - t0, cause((c) => c.healthcheck())),
      );
    }
  }

  // 4. stop
  {
    const t0 = Date.now();
    const grace = ctx.stopGraceSeconds ?? 10;
    const before = await inspectContainer(ctx.containerId, opts);
    if (!before.running) {
      put(makeCheck('graceful-stop', 'skip', `the container had already exited (code ${before.exitCode})`, Date.now() - t0));
    } else {
      progress(`Stopping (grace period ${grace} s)`);
      const stop = await stopContainer(ctx.containerId, grace, opts);
      const after = await inspectContainer(ctx.containerId, opts);
      const secs = (stop.ms / 1000).toFixed(1);
      const killed = after.exitCode === 137;
      const pass = stop.ok && !killed && stop.ms < (grace * 1000) / 2;
      const detail = pass
        ? `stopped in ${secs} s (exit code ${after.exitCode}) of a ${grace} s grace period`
        : `docker stop took ${secs} s of the ${grace} s grace period${killed ? ' and the container was killed (exit 137)' : ''}: PID 1 does not exit on ${ctx.image.stopSignal ?? 'SIGTERM'}`;
      put(makeCheck('graceful-stop', pass ? 'pass' : 'fail', detail, Date.now() - t0, cause((c) => c.slowStop())));
    }
  }

  // 6. size
  {
    const previous = ctx.history?.get(ctx.historyKey) ?? null;
    const { size, layers } = ctx.image;
    report.image.size = size;
    report.image.layers = layers;
    report.image.previous = previous ?? null;
    report.image.id = report.image.id ?? ctx.image.id;
    let detail = `${formatBytes(size)}, ${layers} layer${layers === 1 ? '' : 's'}`;
    let status: 'pass' | 'fail' = 'pass';
    if (previous) {
      const delta = size - previous.size;
      const percent = previous.size > 0 ? (delta / previous.size) * 100 : 0;
      detail += ` (last run: ${formatBytes(previous.size)}, ${previous.layers} layers; ${delta >= 0 ? '+' : ''}${formatBytes(delta)}, ${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %, ${layers - previous.layers >= 0 ? '+' : ''}${layers - previous.layers} layers)`;
      const limit = ctx.sizeGrowthLimitPercent ?? 10;
      if (percent > limit) {
        status = 'fail';
        detail += `; grew more than ${limit} %`;
      }
    } else {
      detail += ' (first run)';
    }
    ctx.history?.set(ctx.historyKey, { size, layers, at: new Date().toISOString() });
    put(makeCheck('image-size', status, detail, 0, cause((c) => c.image())));
  }
  return report.checks;
}

/** The last lines a stopped container printed (stdout and stderr), for a report that says why it exited. */
async function lastOutput(containerId: string, options: DockerOptions): Promise<string> {
  const logs = await runDocker(['logs', '--tail', '5', containerId], options);
  const text = `${logs.stdout}\n${logs.stderr}`.split('\n').map((line) => line.trim()).filter(Boolean).join(' / ');
  return text ? `; its last output: "${text.slice(0, 200)}"` : '';
}
