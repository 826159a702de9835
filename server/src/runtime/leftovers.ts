/**
 * What a crashed Build and Check left behind: `shipshape.started=check` containers whose owner
 * process is gone. A run removes its container when it ends (also on failure and cancel), so only
 * a killed CLI or extension host leaves one; the next Build and Check removes it. Containers of
 * runs still in progress (in this process or another live one) are never touched.
 */
import { hostname } from 'node:os';
import { listContainers, ownerOfThisProcess, removeContainer, STARTED_LABEL } from './container';
import type { DockerOptions } from './docker-cli';

export interface CheckContainer {
  id: string;
  /** Milliseconds since the epoch, or null when docker's date could not be read. */
  createdAt: number | null;
  /** `<host>/<pid>` of the process that started it; null for containers without the label. */
  owner: string | null;
}

export interface LeftoverRules {
  /** The owner label of this process. */
  thisOwner: string;
  /** This machine's host name, as owner labels spell it. */
  thisHost: string;
  /** True while this process has a check in progress: its own containers are then in use. */
  ownRunInProgress: boolean;
  /** Whether a process of this machine is alive. */
  alive: (pid: number) => boolean;
  now: number;
  /** Containers whose owner cannot be asked (no label, another machine) count as left behind after this long. */
  maxAgeMs: number;
}

/** Whether a check container was left behind by a run that is no longer going. */
export function isLeftover(container: CheckContainer, rules: LeftoverRules): boolean {
  if (container.owner === rules.thisOwner) return !rules.ownRunInProgress;
  const match = container.owner ? /^(.*)\/(\d+)$/.exec(container.owner) : null;
  if (match && match[1] === rules.thisHost) return !rules.alive(Number(match[2]));
  return container.createdAt !== null && rules.now - container.createdAt > rules.maxAgeMs;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads docker's `2026-11-23 07:10:58 +0000 UTC` (the CreatedAt of `docker ps`). */
export function parseDockerDate(text: string): number | null {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.\d+)? ([+-]\d\d)(\d\d)/.exec(text.trim());
  if (!match) return null;
  const time = Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`);
  return Number.isNaN(time) ? null : time;
}

/** Every container a Build and Check started (that also carries `labels`, `key=value` each), with its creation time and owner. */
export async function listCheckContainers(options: DockerOptions & { labels?: readonly string[] } = {}): Promise<CheckContainer[]> {
  const listed = await listContainers([`${STARTED_LABEL}=check`, ...(options.labels ?? [])], options);
  return listed.map((c) => ({ id: c.id, createdAt: parseDockerDate(c.createdAt), owner: c.owner }));
}

export interface RemoveLeftoversOptions extends DockerOptions {
  ownRunInProgress: boolean;
  /** Only among containers that also carry these labels (`key=value` each). */
  labels?: readonly string[];
  /** Default 6 hours: longer than any check takes. */
  maxAgeMs?: number;
}

/** Removes the check containers crashed runs left behind; returns their ids. */
export async function removeLeftoverCheckContainers(options: RemoveLeftoversOptions): Promise<string[]> {
  const rules: LeftoverRules = {
    thisOwner: ownerOfThisProcess(),
    thisHost: hostname(),
    ownRunInProgress: options.ownRunInProgress,
    alive: processAlive,
    now: Date.now(),
    maxAgeMs: options.maxAgeMs ?? 6 * 3600_000,
  };
  const removed: string[] = [];
  for (const container of await listCheckContainers(options)) {
    if (isLeftover(container, rules) && (await removeContainer(container.id, options))) removed.push(container.id);
  }
  return removed;
}
