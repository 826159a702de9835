/**
 * Starting, listing, stopping and removing the containers Shipshape runs. Every container gets the
 * label `shipshape.started=<purpose>` (`run` for Run Container, `check` for Build and Check) and
 * `shipshape.owner=<host>/<pid>` (the process that started it) plus the caller's, so "stop what it
 * started" never touches other containers, and what a crashed run left behind can be told apart
 * from what a live one still uses.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { docker, InputError, runDocker, type DockerOptions } from './docker-cli';
import { inspectImage } from './inspect';
import { assertBindAddress, assertContainerRef, assertImageReference, assertLabel, assertNotOption, assertUser, type PortMapping } from './names';

export const STARTED_LABEL = 'shipshape.started';
export const OWNER_LABEL = 'shipshape.owner';
/** The owner in `docker ps`'s `Labels` (`k=v,k=v`; the owner's `host/pid` has no comma). */
const OWNER_IN_LABELS = new RegExp(`(?:^|,)${OWNER_LABEL.replace(/\./g, '\\.')}=([^,]*)`);
/** The Dockerfile a Run Container container was built from (absolute path). */
export const DOCKERFILE_LABEL = 'shipshape.dockerfile';

/** This process, as the owner label names it. */
export function ownerOfThisProcess(): string {
  return `${hostname()}/${process.pid}`;
}

export interface RunContainerOptions extends DockerOptions {
  image: string;
  /** Ports to publish; default: every port the image EXPOSEs, on a free host port. */
  ports?: PortMapping[];
  /** Host address the ports are published on (default 127.0.0.1). */
  bindAddress?: string;
  /** --read-only, --cap-drop=ALL, --security-opt=no-new-privileges, a tmpfs on /tmp. */
  hardened?: boolean;
  user?: string;
  envFile?: string;
  labels?: Record<string, string>;
  /** Value of the `shipshape.started` label (default `run`). */
  purpose?: 'run' | 'check';
  /** Container name (default `shipshape-<purpose>-<random>`). */
  name?: string;
}

export interface PublishedPort {
  containerPort: number;
  protocol: string;
  hostIp: string;
  hostPort: number;
}

export interface RunningContainer {
  id: string;
  name: string;
  image: string;
  ports: PublishedPort[];
}

export interface ContainerSummary {
  /** The short (12-digit) ID, as `docker ps` shows it. */
  id: string;
  name: string;
  image: string;
  /** `Up 3 minutes (healthy)`, `Exited (0) 2 hours ago`… */
  status: string;
  running: boolean;
  /** `127.0.0.1:49153->8080/tcp`… */
  ports: string;
  /** docker's `2026-11-23 07:10:58 +0000 UTC`. */
  createdAt: string;
  /** The `<host>/<pid>` of the process that started it (its owner label); null without one. */
  owner: string | null;
}

/** The `docker run` arguments for the options (validated; nothing runs). */
export function runArguments(options: RunContainerOptions, exposed: { port: number; protocol: string }[]): string[] {
  const image = assertImageReference(options.image);
  const bind = assertBindAddress(options.bindAddress ?? '127.0.0.1');
  const name = assertContainerRef(options.name ?? `shipshape-${options.purpose ?? 'run'}-${randomBytes(4).toString('hex')}`);
  const args = ['run', '--detach', `--name=${name}`, `--label=${STARTED_LABEL}=${options.purpose ?? 'run'}`, `--label=${OWNER_LABEL}=${ownerOfThisProcess()}`];
  for (const [key, value] of Object.entries(options.labels ?? {})) args.push(`--label=${assertLabel(key, value)}`);
  const ports: PortMapping[] = options.ports ?? exposed.map((p) => ({ containerPort: p.port, protocol: p.protocol as 'tcp' | 'udp' }));
  for (const port of ports) args.push(`--publish=${bind}:${port.hostPort ?? ''}:${port.containerPort}/${port.protocol}`);
  if (options.hardened) args.push('--read-only', '--cap-drop=ALL', '--security-opt=no-new-privileges', '--tmpfs=/tmp');
  if (options.user) args.push(`--user=${assertUser(options.user)}`);
  if (options.envFile) args.push(`--env-file=${assertNotOption(resolve(options.envFile), 'env file')}`);
  args.push('--', image);
  return args;
}

export async function runContainer(options: RunContainerOptions): Promise<RunningContainer> {
  assertImageReference(options.image);
  const info = options.ports ? null : await inspectImage(options.image, options);
  const args = runArguments({ ...options, name: options.name ?? `shipshape-${options.purpose ?? 'run'}-${randomBytes(4).toString('hex')}` }, info?.exposedPorts ?? []);
  const name = (args.find((a) => a.startsWith('--name=')) as string).slice('--name='.length);
  try {
    const id = await docker(args, options);
    return { id, name, image: options.image, ports: await publishedPorts(id, options) };
  } catch (error) {
    // docker run creates the container before it starts it: a failed start (port taken, bad user…) or a cancel leaves one behind
    await removeContainer(name, options);
    throw error;
  }
}

/** The host ports a container publishes (from `docker port`). */
export async function publishedPorts(id: string, options: DockerOptions = {}): Promise<PublishedPort[]> {
  const text = await docker(['port', '--', assertContainerRef(id)], options);
  const ports: PublishedPort[] = [];
  for (const line of text.split('\n')) {
    const match = /^(\d+)\/(\w+) -> (.*):(\d+)$/.exec(line.trim());
    if (match) ports.push({ containerPort: Number(match[1]), protocol: match[2], hostIp: match[3].replace(/^\[|\]$/g, ''), hostPort: Number(match[4]) });
  }
  return ports;
}

/**
 * Containers carrying every one of the labels (`key` or `key=value`; default: those Run Container
 * started), newest first.
 */
export async function listContainers(labels: string | readonly string[] = `${STARTED_LABEL}=run`, options: DockerOptions = {}): Promise<ContainerSummary[]> {
  const filters = (typeof labels === 'string' ? [labels] : labels).map((label) => {
    const eq = label.indexOf('=');
    return `--filter=label=${eq < 0 ? assertLabel(label, '').slice(0, -1) : assertLabel(label.slice(0, eq), label.slice(eq + 1))}`;
  });
  if (filters.length === 0) throw new InputError('listContainers needs at least one label, or it would list every container.');
  const text = await docker(['container', 'ls', '--all', ...filters, '--format={{json .}}'], options);
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { ID: string; Names: string; Image: string; Status: string; State?: string; Ports: string; CreatedAt: string; Labels: string })
    .map((c) => ({
      id: c.ID,
      name: c.Names,
      image: c.Image,
      status: c.Status,
      running: c.State ? c.State === 'running' : /^Up\b/.test(c.Status),
      ports: c.Ports,
      createdAt: c.CreatedAt,
      owner: OWNER_IN_LABELS.exec(c.Labels ?? '')?.[1] || null,
    }));
}

/** `docker stop`, timed. */
export async function stopContainer(id: string, graceSeconds: number, options: DockerOptions = {}): Promise<{ ms: number; ok: boolean }> {
  const started = Date.now();
  const result = await runDocker(['stop', `--time=${Math.max(0, Math.round(graceSeconds))}`, '--', assertContainerRef(id)], options);
  return { ms: Date.now() - started, ok: result.code === 0 };
}

/** `docker rm --force --volumes`; never throws (a missing container is fine). */
export async function removeContainer(id: string, options: DockerOptions = {}): Promise<boolean> {
  try {
    const result = await runDocker(['rm', '--force', '--volumes', '--', assertContainerRef(id)], { dockerPath: options.dockerPath, timeoutMs: 30000 });
    return result.code === 0 || /No such container/i.test(result.stderr);
  } catch {
    return false;
  }
}

/** Removes every container carrying the label; returns how many. */
export async function removeContainersByLabel(label = `${STARTED_LABEL}=run`, options: DockerOptions = {}): Promise<number> {
  const list = await listContainers(label, { dockerPath: options.dockerPath });
  let removed = 0;
  for (const c of list) if (await removeContainer(c.id, options)) removed++;
  return removed;
}
