/**
 * What a service's own Dockerfile says (when `build:` points to one the linter can read): the final
 * USER, HEALTHCHECK, VOLUME and EXPOSE of the stage compose builds (`build.target`, else the last),
 * so a compose file and its Dockerfile are judged together.
 */
import { parseDockerfile, type Stage } from '../dockerfile/model';
import { stageDefaultsToNonRoot } from '../dockerfile/non-root-images';
import type { Instruction } from '../dockerfile/instruction';
import type { FileAccess } from '../engine/types';
import { scalarText, type ComposeService } from './model';

export interface BuildFacts {
  /** The Dockerfile's path relative to the compose file (or `dockerfile_inline`). */
  path: string;
  /** The effective USER of the built stage (inherited from the stages it builds on); null when none. */
  user: string | null;
  /** True when the image the built stage starts from runs as a non-root user by default (distroless `:nonroot`…). */
  nonRootBase: boolean;
  /** `set` for a HEALTHCHECK CMD, `none` for HEALTHCHECK NONE, `absent` when there is none. */
  healthcheck: 'set' | 'none' | 'absent';
  /** VOLUME paths of the built stage and the stages it builds on. */
  volumes: string[];
  /** EXPOSE ports (without `/tcp`). */
  exposes: string[];
}

const cache = new WeakMap<object, Map<string, BuildFacts | null>>();
const NO_FILES = {};

/** The facts of the Dockerfile the service builds, or null when it has none that can be read. */
export function buildFacts(service: ComposeService, files: FileAccess | undefined): BuildFacts | null {
  const build = service.build;
  if (!build) return null;
  const target = build.entry.value?.type === 'map' ? (scalarText(build.entry.value.get('target')?.value) ?? null) : null;
  const key = `${build.inline !== null ? `inline:${build.inline}` : `file:${build.dockerfilePath}`}\u0000${target ?? ''}`;
  let known = cache.get(files ?? NO_FILES);
  if (!known) cache.set(files ?? NO_FILES, (known = new Map()));
  if (known.has(key)) return known.get(key) ?? null;
  let text: string | undefined;
  let path = 'dockerfile_inline';
  if (build.inline !== null) text = build.inline;
  else if (build.dockerfilePath !== null && files) {
    path = build.dockerfilePath;
    text = files.readFile(build.dockerfilePath);
  }
  const facts = text === undefined ? null : readFacts(text, path, target);
  known.set(key, facts);
  return facts;
}

function readFacts(text: string, path: string, target: string | null): BuildFacts | null {
  const model = parseDockerfile(text);
  const stage = (target && model.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase())) || model.finalStage;
  if (!stage) return null;
  const chain: Stage[] = [];
  for (let current: Stage | null = stage; current && !chain.includes(current); current = current.baseStage) chain.push(current);
  const last = (keyword: string): Instruction | null => {
    for (const current of chain) {
      const found = current.instructions.filter((i) => i.keyword === keyword);
      if (found.length > 0) return found[found.length - 1];
    }
    return null;
  };
  const user = last('USER');
  const healthcheck = last('HEALTHCHECK');
  const all = (keyword: string): string[] =>
    chain.flatMap((s) => s.instructions.filter((i) => i.keyword === keyword)).flatMap((i) => (i.json ?? i.args).map((w) => unquote(w.value)));
  return {
    path,
    user: user ? unquote(user.args[0]?.value ?? '') : null,
    nonRootBase: stageDefaultsToNonRoot(stage),
    healthcheck: !healthcheck ? 'absent' : (healthcheck.args[0]?.value ?? '').toUpperCase() === 'NONE' ? 'none' : 'set',
    volumes: all('VOLUME'),
    exposes: all('EXPOSE').map((p) => p.replace(/\/(tcp|udp|sctp)$/i, '')),
  };
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) && value.length >= 2 ? value.slice(1, -1) : value;
}

const ROOT_USERS = /^(root|0)(:(root|0))?$/i;

/** True for `root`, `0`, `root:root`, `0:0`… */
export function isRootUser(user: string): boolean {
  return ROOT_USERS.test(user.trim());
}
