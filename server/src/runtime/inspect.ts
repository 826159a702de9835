/** What the runtime checks read from `docker image inspect` and `docker container inspect`. */
import { docker, type DockerOptions } from './docker-cli';

export interface HealthcheckConfig {
  test: string[];
  intervalMs: number;
  timeoutMs: number;
  startPeriodMs: number;
  retries: number;
}

export interface ImageInfo {
  id: string;
  size: number;
  layers: number;
  user: string;
  exposedPorts: { port: number; protocol: 'tcp' | 'udp' }[];
  volumes: string[];
  healthcheck: HealthcheckConfig | null;
  stopSignal: string | null;
}

export interface ContainerHealth {
  status: 'starting' | 'healthy' | 'unhealthy' | string;
  failingStreak: number;
  lastOutput: string;
  lastExitCode: number | null;
}

export interface ContainerState {
  /** The full container ID. */
  id: string;
  status: string;
  running: boolean;
  /** When the container last started (ms since the epoch); null when it never did. */
  startedAt: number | null;
  exitCode: number;
  health: ContainerHealth | null;
  user: string;
  /** The image ID. */
  image: string;
  /** The image as the container was created from it (`myapp:dev`). */
  imageName: string;
  name: string;
  labels: Record<string, string>;
  mounts: { destination: string; type: string; rw: boolean }[];
}

const NS_PER_MS = 1_000_000;

/** Docker's defaults when a HEALTHCHECK leaves them out. */
export function healthcheckOf(raw: unknown): HealthcheckConfig | null {
  const hc = raw as { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number } | null | undefined;
  if (!hc || !Array.isArray(hc.Test) || hc.Test.length === 0 || hc.Test[0] === 'NONE') return null;
  return {
    test: hc.Test,
    intervalMs: hc.Interval ? hc.Interval / NS_PER_MS : 30_000,
    timeoutMs: hc.Timeout ? hc.Timeout / NS_PER_MS : 30_000,
    startPeriodMs: hc.StartPeriod ? hc.StartPeriod / NS_PER_MS : 0,
    retries: hc.Retries || 3,
  };
}

export async function inspectImage(image: string, options: DockerOptions = {}): Promise<ImageInfo> {
  const json = await docker(['image', 'inspect', '--', image], options);
  const [raw] = JSON.parse(json) as Array<{
    Id: string;
    Size: number;
    RootFS?: { Layers?: string[] };
    Config?: {
      User?: string;
      ExposedPorts?: Record<string, unknown> | null;
      Volumes?: Record<string, unknown> | null;
      Healthcheck?: unknown;
      StopSignal?: string;
    };
  }>;
  const config = raw.Config ?? {};
  return {
    id: raw.Id,
    size: raw.Size,
    layers: raw.RootFS?.Layers?.length ?? 0,
    user: config.User ?? '',
    exposedPorts: Object.keys(config.ExposedPorts ?? {})
      .map((key) => {
        const [port, protocol] = key.split('/');
        return { port: Number(port), protocol: (protocol === 'udp' ? 'udp' : 'tcp') as 'tcp' | 'udp' };
      })
      .filter((p) => Number.isInteger(p.port) && p.port > 0)
      .sort((a, b) => a.port - b.port),
    volumes: Object.keys(config.Volumes ?? {}).sort(),
    healthcheck: healthcheckOf(config.Healthcheck),
    stopSignal: config.StopSignal ?? null,
  };
}

export async function inspectContainer(id: string, options: DockerOptions = {}): Promise<ContainerState> {
  const json = await docker(['container', 'inspect', '--', id], options);
  const [raw] = JSON.parse(json) as Array<{
    Id: string;
    Name: string;
    Image: string;
    State: { Status: string; Running: boolean; ExitCode: number; StartedAt?: string; Health?: { Status: string; FailingStreak: number; Log?: { ExitCode: number; Output: string }[] } };
    Config: { User?: string; Image?: string; Labels?: Record<string, string> | null };
    Mounts?: { Destination: string; Type: string; RW: boolean }[];
  }>;
  const health = raw.State.Health;
  const last = health?.Log?.[health.Log.length - 1];
  const startedAt = raw.State.StartedAt ? Date.parse(raw.State.StartedAt) : NaN;
  return {
    id: raw.Id,
    status: raw.State.Status,
    running: raw.State.Running,
    startedAt: Number.isNaN(startedAt) || startedAt <= 0 ? null : startedAt,
    exitCode: raw.State.ExitCode,
    health: health ? { status: health.Status, failingStreak: health.FailingStreak, lastOutput: last?.Output?.trim() ?? '', lastExitCode: last?.ExitCode ?? null } : null,
    user: raw.Config.User ?? '',
    image: raw.Image,
    imageName: raw.Config.Image ?? raw.Image,
    name: raw.Name.replace(/^\//, ''),
    labels: raw.Config.Labels ?? {},
    mounts: (raw.Mounts ?? []).map((m) => ({ destination: m.Destination, type: m.Type, rw: m.RW })),
  };
}

/** True when a `USER` value (image or container config) means root: empty, `root`, `0`, `0:…`, `root:…`. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0].trim();
  return name === '' || name === 'root' || name === '0';
}
