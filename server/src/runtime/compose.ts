/**
 * Compose Up and Check: `compose up` one service in a throw-away project, run the container checks
 * on its container, then `compose down` (also on failure and cancel). Uses `docker compose` (v2)
 * where present, else `docker-compose`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BuildOutputReader } from './build';
import { CauseFinder } from './causes';
import { publishedPorts } from './container';
import { checkEngine, DockerUnavailableError, firstLine, runProcess, type DockerOptions, type RunOptions } from './docker-cli';
import { inspectContainer, inspectImage } from './inspect';
import { assertNotOption, assertServiceName } from './names';
import type { VerifyReport } from './report';
import { checkContainer, emptyReport, recordError, type CheckSettings, type ProgressEvent } from './verify';

export interface ComposeCommand {
  executable: string;
  /** Arguments before the compose arguments (`compose` for the v2 plugin). */
  prefix: string[];
  version: string;
}

/** `docker compose` when the plugin answers, else `docker-compose`, else a clear error. */
export async function findCompose(options: DockerOptions & { composePath?: string } = {}): Promise<ComposeCommand> {
  const dockerPath = options.dockerPath ?? 'docker';
  const tryOne = async (executable: string, prefix: string[]): Promise<ComposeCommand | null> => {
    try {
      const result = await runProcess(executable, [...prefix, 'version', '--short'], { signal: options.signal, timeoutMs: 15000 });
      return result.code === 0 ? { executable, prefix, version: result.stdout.trim() } : null;
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      return null;
    }
  };
  const found = (await tryOne(dockerPath, ['compose'])) ?? (await tryOne(options.composePath ?? 'docker-compose', []));
  if (!found) {
    throw new DockerUnavailableError(
      'Docker Compose was not found: neither "docker compose" (v2) nor "docker-compose" answered. Install the Compose plugin (docker-compose-plugin or docker-compose), then try again.',
      'no-cli',
    );
  }
  return found;
}

const COMPOSE_BUILD_FAILED = /^(?:ERROR: )?Service '[^']*' failed to build\b/;

/** The last meaningful line of compose's output (its error comes last). */
function lastLine(text: string): string {
  return firstLine(text.split('\n').reverse().join('\n'));
}

export interface ComposeCheckOptions extends DockerOptions, CheckSettings {
  composeFile: string;
  service: string;
  composePath?: string;
  onOutput?: (line: string) => void;
}

interface ServiceConfig {
  build?: string | { context?: string; dockerfile?: string };
}

/** The service's Dockerfile (absolute), when it is built from one. */
export function serviceDockerfile(composeFile: string, configYaml: string, service: string): string | null {
  const config = parseYaml(configYaml) as { services?: Record<string, ServiceConfig> } | null;
  const build = config?.services?.[service]?.build;
  if (!build) return null;
  const base = dirname(resolve(composeFile));
  const context = resolve(base, typeof build === 'string' ? build : build.context ?? '.');
  const dockerfile = typeof build === 'string' ? 'Dockerfile' : build.dockerfile ?? 'Dockerfile';
  const path = isAbsolute(dockerfile) ? dockerfile : resolve(context, dockerfile);
  return existsSync(path) ? path : null;
}

export async function composeUpAndCheck(options: ComposeCheckOptions): Promise<VerifyReport> {
  const composeFile = assertNotOption(resolve(options.composeFile), 'compose file');
  const service = assertServiceName(options.service);
  const started = Date.now();
  const report = emptyReport('compose', `${composeFile}#${service}`, null, null);
  const progress = (event: ProgressEvent): void => options.onProgress?.(event);
  const project = `shipshape-check-${randomBytes(4).toString('hex')}`;
  let compose: ComposeCommand | null = null;
  let upStarted = false;
  const run = async (args: string[], extra: RunOptions = {}) => {
    const c = compose as ComposeCommand;
    return runProcess(c.executable, [...c.prefix, `--file=${composeFile}`, `--project-name=${project}`, ...args], {
      signal: options.signal,
      onStdout: options.onOutput,
      onStderr: options.onOutput,
      ...extra,
    });
  };
  try {
    progress({ phase: 'engine', message: 'Checking the Docker engine' });
    await checkEngine(options);
    compose = await findCompose(options);
    const config = await run(['config'], { onStdout: undefined });
    if (config.code !== 0) throw new Error(`compose config failed: ${firstLine(config.stderr)}`);
    const dockerfile = serviceDockerfile(composeFile, config.stdout, service);
    report.dockerfile = dockerfile;
    progress({ phase: 'build', message: `compose build and up ${service} (${compose.prefix.length ? 'docker compose' : 'docker-compose'} ${compose.version})` });
    upStarted = true;
    // Built apart from `up`, so a failure is the build's or the start's for sure; the build's steps
    // name Dockerfile lines, and a failed build is reported at its line, like Build and Check's.
    const reader = dockerfile ? new BuildOutputReader(readFileSync(dockerfile, 'utf8'), basename(dockerfile)) : null;
    const onLine = (line: string): void => {
      options.onOutput?.(line);
      // docker-compose (v1) closes with "Service 'web' failed to build : Build failed", which says less than the builder's error
      if (!COMPOSE_BUILD_FAILED.test(line)) reader?.feed(line);
    };
    // --force-rm: the classic builder keeps the container of a failed step otherwise (BuildKit never does)
    const build = await run(['build', '--force-rm', service], { onStdout: onLine, onStderr: onLine, env: { ...process.env, BUILDKIT_PROGRESS: 'plain' } });
    if (build.code !== 0) {
      const failure = reader?.failure(build.code) ?? { message: lastLine(build.stderr) || `compose build exited with code ${build.code}`, line: null, step: null };
      report.build = { ok: false, durationMs: Date.now() - started, builder: 'compose', failure };
      return report;
    }
    report.build = { ok: true, durationMs: Date.now() - started, builder: 'compose', failure: null };
    const up = await run(['up', '--detach', '--no-build', service]);
    if (up.code !== 0) throw new Error(`compose up ${service} failed: ${lastLine(up.stderr) || `exit code ${up.code}`}`);
    const ps = await run(['ps', '--quiet', service], { onStdout: undefined });
    const containerId = ps.stdout.trim().split('\n')[0];
    if (!containerId) throw new Error(`compose started no container for service ${service}`);
    const state = await inspectContainer(containerId, options);
    const image = await inspectImage(state.image, options);
    report.image = { tag: state.imageName, id: image.id, size: null, layers: null, previous: null };
    const ports = await publishedPorts(containerId, options);
    report.container = { id: containerId, name: state.name, ports };
    const causes = dockerfile ? new CauseFinder(dockerfile, readFileSync(dockerfile, 'utf8')) : null;
    await checkContainer({ ...options, containerId, image, ports, causes, historyKey: `${composeFile}#${service}` }, report);
  } catch (error) {
    recordError(report, error);
  } finally {
    if (compose && upStarted) {
      progress({ phase: 'cleanup', message: `compose down ${basename(composeFile)}` });
      // --rmi local: images compose built for this throw-away project (named after it) go too
      const down = await run(['down', '--volumes', '--remove-orphans', '--rmi', 'local', '--timeout', '2'], { signal: undefined, timeoutMs: 120000 }).catch(() => null);
      report.cleanedUp = down?.code === 0;
    }
    report.ok = !report.cancelled && !report.error && report.build?.ok === true && report.checks.length > 0 && report.checks.every((c) => c.status !== 'fail');
    report.durationMs = Date.now() - started;
  }
  return report;
}
