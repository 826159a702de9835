/**
 * Health of a running container: Docker's own HEALTHCHECK status (waiting through the start period
 * and retries, with a countdown), and an HTTP GET on a published loopback port.
 */
import { request } from 'node:http';
import { delay, throwIfAborted, type DockerOptions } from './docker-cli';
import { inspectContainer, type ContainerState, type HealthcheckConfig } from './inspect';

export interface HealthTick {
  status: string;
  /** Whole seconds left before giving up. */
  secondsLeft: number;
  /**
   * Where Docker's HEALTHCHECK is (when waiting for one): in its start period, where failed checks
   * do not count, or past it, where `retries` failures in a row make the container unhealthy.
   */
  phase?: HealthPhase;
}

export type HealthPhase = 'start period' | 'retries';

export interface WaitForHealthOptions extends DockerOptions {
  /** Stop waiting when the health status is one of these. */
  until: readonly string[];
  timeoutMs: number;
  pollMs?: number;
  onTick?: (tick: HealthTick) => void;
  /** The HEALTHCHECK being waited for: ticks then say which phase it is in. */
  healthcheck?: HealthcheckConfig | null;
}

export interface HealthWait {
  /** The last status seen: starting, healthy, unhealthy, or `exited` / `none`. */
  status: string;
  reached: boolean;
  elapsedMs: number;
  state: ContainerState | null;
}

/** How long Docker can take to call a container healthy or unhealthy with this HEALTHCHECK. */
export function healthDeadlineMs(hc: HealthcheckConfig): number {
  return hc.startPeriodMs + (hc.intervalMs + hc.timeoutMs) * (hc.retries + 1) + 2000;
}

/** The phase of a HEALTHCHECK `elapsedMs` after the container started. */
export function healthPhase(hc: HealthcheckConfig, elapsedMs: number): HealthPhase {
  return elapsedMs < hc.startPeriodMs ? 'start period' : 'retries';
}

/** The countdown as people read it: `starting (start period), 12 s left`. */
export function formatHealthTick(tick: HealthTick): string {
  return `${tick.status}${tick.phase ? ` (${tick.phase})` : ''}, ${tick.secondsLeft} s left`;
}

/** Polls `docker inspect` until the health status is one of `until`, the container exits, or time runs out. */
export async function waitForHealth(id: string, options: WaitForHealthOptions): Promise<HealthWait> {
  const started = Date.now();
  const pollMs = options.pollMs ?? 250;
  let state: ContainerState | null = null;
  for (;;) {
    throwIfAborted(options.signal);
    state = await inspectContainer(id, options);
    const elapsedMs = Date.now() - started;
    const status = !state.running ? 'exited' : state.health?.status ?? 'none';
    const secondsLeft = Math.max(0, Math.ceil((options.timeoutMs - elapsedMs) / 1000));
    const sinceStart = state.startedAt === null ? elapsedMs : Date.now() - state.startedAt;
    options.onTick?.(options.healthcheck ? { status, secondsLeft, phase: healthPhase(options.healthcheck, sinceStart) } : { status, secondsLeft });
    if (options.until.includes(status)) return { status, reached: true, elapsedMs, state };
    if (status === 'exited' || status === 'none' || elapsedMs >= options.timeoutMs) return { status, reached: false, elapsedMs, state };
    await delay(pollMs, options.signal);
  }
}

export interface HttpProbe {
  url: string;
  /** HTTP status, or null when no answer came. */
  status: number | null;
  ok: boolean;
  latencyMs: number;
  bodyExcerpt: string;
  error: string | null;
}

/** One GET with a timeout; never throws (except on cancel). Only meant for loopback addresses. */
export function httpGet(url: string, timeoutMs: number, signal?: AbortSignal): Promise<HttpProbe> {
  throwIfAborted(signal);
  const started = Date.now();
  return new Promise((resolve) => {
    const done = (status: number | null, body: string, error: string | null): void =>
      resolve({ url, status, ok: status !== null && status >= 200 && status < 300, latencyMs: Date.now() - started, bodyExcerpt: excerpt(body), error });
    const req = request(url, { method: 'GET', timeout: timeoutMs, signal, headers: { 'user-agent': 'shipshape-probe' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < 4096) body += chunk;
      });
      res.on('end', () => done(res.statusCode ?? null, body, null));
      res.on('error', (error) => done(res.statusCode ?? null, body, error.message));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => done(null, '', error.message));
    req.end();
  });
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? flat.slice(0, 197) + '…' : flat;
}

/** GETs each path in turn on host:port; returns the first 2xx answer, else the last answer. */
export async function probeHttp(host: string, port: number, paths: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<HttpProbe> {
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  let last: HttpProbe | null = null;
  for (const path of paths.length > 0 ? paths : ['/']) {
    const safePath = path.startsWith('/') ? path : `/${path}`;
    last = await httpGet(`http://${hostPart}:${port}${encodeURI(decodeURI(safePath))}`, timeoutMs, signal);
    if (last.ok) return last;
  }
  return last as HttpProbe;
}

/** Retries `probeHttp` until a 2xx answer or the deadline; ticks like `waitForHealth`. */
export async function waitForHttp(
  host: string,
  port: number,
  paths: readonly string[],
  options: { timeoutMs: number; signal?: AbortSignal; onTick?: (tick: HealthTick) => void },
): Promise<HttpProbe> {
  const started = Date.now();
  for (;;) {
    const probe = await probeHttp(host, port, paths, 2000, options.signal);
    const left = options.timeoutMs - (Date.now() - started);
    options.onTick?.({ status: probe.status === null ? 'no answer' : `HTTP ${probe.status}`, secondsLeft: Math.max(0, Math.ceil(left / 1000)) });
    if (probe.ok || left <= 0) return probe;
    await delay(Math.min(500, Math.max(0, left)), options.signal);
  }
}

export interface ContainerProbe {
  /** Docker's health status after waiting (null when the image has no HEALTHCHECK). */
  dockerHealth: { status: string; elapsedMs: number; lastOutput: string } | null;
  /** The HTTP answer (null when nothing is published or no paths were given). */
  http: HttpProbe | null;
}

export interface ProbeOptions extends DockerOptions {
  paths?: readonly string[];
  /**
   * How long to wait for a HEALTHCHECK verdict at least. The wait is the longer of this and what
   * the HEALTHCHECK's own timings allow (start period, then interval and timeout per retry), so a
   * long start period is waited out.
   */
  timeoutMs?: number;
  onTick?: (tick: HealthTick) => void;
}

/** Probe Health: Docker's HEALTHCHECK status (waiting through start period and retries) and/or an HTTP GET. */
export async function probeContainerHealth(id: string, hostPort: { host: string; port: number } | null, healthcheck: HealthcheckConfig | null, options: ProbeOptions = {}): Promise<ContainerProbe> {
  let dockerHealth: ContainerProbe['dockerHealth'] = null;
  if (healthcheck) {
    const wait = await waitForHealth(id, {
      ...options,
      until: ['healthy', 'unhealthy'],
      timeoutMs: Math.max(options.timeoutMs ?? 0, healthDeadlineMs(healthcheck)),
      onTick: options.onTick,
      healthcheck,
    });
    dockerHealth = { status: wait.status, elapsedMs: wait.elapsedMs, lastOutput: wait.state?.health?.lastOutput ?? '' };
  }
  const paths = options.paths ?? ['/healthz', '/health'];
  const http = hostPort && paths.length > 0 ? await probeHttp(hostPort.host, hostPort.port, paths, 3000, options.signal) : null;
  return { dockerHealth, http };
}
