/**
 * What a stage's image has inside: its base image family (scratch, distroless, Alpine, Debian…),
 * whether it has a shell, and which common tools (curl, wget, bash, sh) it can run, after the
 * packages its RUN instructions install and remove and the BusyBox it copies in. Answers are
 * three-valued: true, false, or undefined when the image is not one we know.
 */
import { flagValue, type Instruction } from './instruction';
import { expandVariables, parseImageReference, type ImageReference } from './image-reference';
import type { Stage } from './model';
import { commandArgs, baseCommandName } from './shell-words';
import { findInvocations } from './package-commands';

export type ImageFamily =
  | 'scratch'
  | 'distroless'
  | 'distroless-debug'
  | 'busybox'
  | 'alpine'
  | 'debian-slim'
  | 'debian'
  | 'full'
  | 'windows'
  | 'unknown';

/** The stage, then the stage it builds on, and so on. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | null = stage; current && !chain.includes(current); current = current.baseStage) chain.push(current);
  return chain;
}

/** The external image at the root of the stage chain (null when it is unresolved or absent). */
export function rootImage(stage: Stage): ImageReference | null {
  const chain = stageChain(stage);
  return chain[chain.length - 1].image;
}

/**
 * The stage holds only what it copies in: it is built FROM scratch, directly or through its base
 * stages, or on a stage picked by a build argument (`FROM binaries-$TARGETOS`) where every stage
 * the name can pick is.
 */
export function builtFromScratch(stage: Stage, stages: readonly Stage[]): boolean {
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  if (root.image?.repository === 'scratch' && !root.image.registry) return true;
  const word = root.imageWord?.value ?? '';
  if (!word.includes('$')) return false;
  // Each $VARIABLE may be anything: `binaries-$TARGETOS` → /^binaries-.*$/.
  const literals = word.split(/\$(?:\{[^}]*\}|\w+)/).map((part) => part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'));
  const pattern = new RegExp(`^${literals.join('.*')}$`, 'i');
  const candidates = stages.filter((s) => s.index < root.index && s.name !== null && pattern.test(s.name));
  return candidates.length > 0 && candidates.every((candidate) => builtFromScratch(candidate, stages));
}

/** Every instruction of the chain, base stage first, in file order. */
export function chainInstructions(stage: Stage): Instruction[] {
  return stageChain(stage)
    .reverse()
    .flatMap((s) => s.instructions);
}

/** Repository's last path component (`library/node` → `node`). */
function repositoryName(image: ImageReference): string {
  const repo = image.repository.toLowerCase();
  return repo.slice(repo.lastIndexOf('/') + 1);
}

/** Language images built on buildpack-deps, whose full tags ship curl and wget. */
const BUILDPACK_IMAGES = new Set(['buildpack-deps', 'node', 'python', 'ruby', 'golang', 'rust', 'gcc', 'perl', 'pypy', 'haskell', 'erlang', 'elixir']);

export function imageFamily(image: ImageReference | null): ImageFamily {
  if (!image) return 'unknown';
  const repo = image.repository.toLowerCase();
  const name = repositoryName(image);
  const tag = (image.tag ?? '').toLowerCase();
  const registry = (image.registry ?? '').toLowerCase();
  if (repo === 'scratch' && !registry) return 'scratch';
  if (/windows|nanoserver|servercore/.test(repo) || /nanoserver|servercore|ltsc20/.test(tag)) return 'windows';
  if (repo.startsWith('distroless/') || (registry === 'cgr.dev' && /^chainguard\/static$/.test(repo))) {
    return tag.includes('debug') ? 'distroless-debug' : 'distroless';
  }
  if (name === 'busybox') return 'busybox';
  if (name === 'alpine' || tag.includes('alpine')) return 'alpine';
  if (tag.includes('slim')) return 'debian-slim';
  if (name === 'debian' || name === 'ubuntu') return 'debian';
  if (BUILDPACK_IMAGES.has(name) && !image.hasVariable && (image.registry === null || image.registry === 'docker.io')) return 'full';
  return 'unknown';
}

export function familyLabel(family: ImageFamily): string {
  switch (family) {
    case 'scratch':
      return 'scratch is empty';
    case 'distroless':
      return 'distroless images have no shell and no tools';
    case 'distroless-debug':
      return 'the distroless debug image has BusyBox only';
    case 'busybox':
      return 'BusyBox has wget, not curl';
    case 'alpine':
      return 'Alpine has BusyBox wget, not curl or bash';
    case 'debian-slim':
      return 'slim images ship neither curl nor wget';
    case 'debian':
      return 'Debian and Ubuntu base images ship neither curl nor wget';
    default:
      return '';
  }
}

/** What the family has before any RUN: true, false or undefined (unknown). */
function familyHas(family: ImageFamily, tool: string): boolean | undefined {
  switch (family) {
    case 'scratch':
    case 'distroless':
      return false;
    case 'distroless-debug':
      return tool === 'wget' ? true : tool === 'curl' || tool === 'bash' ? false : undefined;
    case 'busybox':
    case 'alpine':
      return tool === 'sh' || tool === 'wget' ? true : tool === 'curl' || tool === 'bash' ? false : undefined;
    case 'debian-slim':
    case 'debian':
      return tool === 'sh' || tool === 'bash' ? true : tool === 'curl' || tool === 'wget' ? false : undefined;
    case 'full':
      return tool === 'sh' || tool === 'bash' || tool === 'curl' || tool === 'wget' ? true : undefined;
    case 'windows':
      return tool === 'sh' || tool === 'bash' ? false : undefined;
    default:
      return tool === 'sh' ? true : undefined;
  }
}

export interface PackageChange {
  action: 'install' | 'remove';
  manager: string;
  /** Package names without version pins; a name with `$` is an unresolved variable. */
  packages: string[];
  instruction: Instruction;
}

const VERBS: Record<string, { install: string[]; remove: string[] }> = {
  'apt-get': { install: ['install'], remove: ['remove', 'purge', 'autoremove'] },
  apt: { install: ['install'], remove: ['remove', 'purge', 'autoremove'] },
  apk: { install: ['add'], remove: ['del'] },
  yum: { install: ['install'], remove: ['remove', 'erase'] },
  dnf: { install: ['install'], remove: ['remove', 'erase'] },
  microdnf: { install: ['install'], remove: ['remove'] },
  tdnf: { install: ['install'], remove: ['remove', 'erase'] },
  zypper: { install: ['install', 'in'], remove: ['remove', 'rm'] },
};
const MANAGERS = Object.keys(VERBS);
const ALL_VERBS = [...new Set(Object.values(VERBS).flatMap((v) => [...v.install, ...v.remove]))];

/** Package installs and removals of a stage chain's RUN instructions, in order (`apk del` of a `--virtual` group included). */
export function packageChanges(stage: Stage): PackageChange[] {
  const changes: PackageChange[] = [];
  const groups = new Map<string, string[]>();
  const values = new Map<string, string | null>();
  for (const instruction of chainInstructions(stage)) {
    if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
      for (const prop of instruction.properties) if (prop.value !== null || !values.has(prop.name)) values.set(prop.name, prop.value);
      continue;
    }
    if (instruction.keyword !== 'RUN' || !instruction.script) continue;
    for (const invocation of findInvocations(instruction.script, MANAGERS, ALL_VERBS)) {
      const verbs = VERBS[invocation.manager];
      const verb = invocation.subcommand?.value ?? '';
      if (!verbs) continue;
      const action = verbs.install.includes(verb) ? 'install' : verbs.remove.includes(verb) ? 'remove' : null;
      if (!action) continue;
      const packages: string[] = [];
      for (const word of invocation.packages) {
        // `${PACKAGES}` from an ARG or ENV default; an unresolved one keeps its `$`.
        for (const name of expandVariables(word.value, values).split(/\s+/)) if (name) packages.push(name.includes('$') ? name : name.replace(/[=<>~].*$/, ''));
      }
      const group = invocation.args.findIndex((w) => w.value === '-t' || w.value === '--virtual');
      const groupName = group >= 0 ? invocation.args[group + 1]?.value : undefined;
      if (invocation.manager === 'apk' && action === 'install' && groupName) {
        const members = packages.filter((name) => name !== groupName);
        groups.set(groupName, members);
        changes.push({ action, manager: invocation.manager, packages: members, instruction });
        continue;
      }
      const removed = action === 'remove' ? packages.flatMap((name) => groups.get(name) ?? [name]) : packages;
      changes.push({ action, manager: invocation.manager, packages: removed, instruction });
    }
  }
  return changes;
}

/** Package names that provide a tool. */
const TOOL_PACKAGES: Record<string, string[]> = {
  curl: ['curl'],
  wget: ['wget', 'busybox', 'busybox-extras'],
  bash: ['bash'],
  sh: ['bash', 'dash', 'busybox'],
};

export interface ToolAvailability {
  /** True, false, or undefined when unknown. */
  present: boolean | undefined;
  /** Why, when it is known to be absent. */
  reason: string;
  /** True when a RUN of the Dockerfile installs it (and nothing removes it later). */
  installedHere: boolean;
}

/** Whether the image built by `stage` can run `tool` (curl, wget, bash or sh). */
export function toolAvailability(stage: Stage, tool: string): ToolAvailability {
  const family = imageFamily(rootImage(stage));
  let present = familyHas(family, tool);
  let reason = present === false ? familyLabel(family) : '';
  let installedHere = false;
  if (copiedBusybox(stage) && (tool === 'wget' || tool === 'sh')) {
    // Reachable through the copied BusyBox binary (`busybox wget`), though not on PATH by that name.
    return { present: undefined, reason: '', installedHere: false };
  }
  const providers = TOOL_PACKAGES[tool] ?? [tool];
  const changes = packageChanges(stage);
  if (present === false && (runsOpaqueInstaller(stage) || changes.some((c) => c.action === 'install' && c.packages.some((p) => p.includes('$'))))) {
    // A script or an unresolved package list may install it: we cannot tell.
    present = undefined;
    reason = '';
  }
  for (const change of changes) {
    if (!change.packages.some((name) => providers.includes(name))) continue;
    if (change.action === 'install') {
      present = true;
      installedHere = true;
      reason = '';
    } else if (present === true || installedHere) {
      present = false;
      installedHere = false;
      reason = `it is removed again on line ${change.instruction.range.start.line + 1}`;
    }
  }
  return { present, reason, installedHere };
}

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/**
 * True when a RUN of the chain runs something whose effects we cannot read: a script of the
 * build context (`./install.sh`, `/root/app/scripts/setup`), `sh script.sh`, or `curl … | sh`.
 */
export function runsOpaqueInstaller(stage: Stage): boolean {
  for (const instruction of chainInstructions(stage)) {
    if (instruction.keyword !== 'RUN' || !instruction.script || instruction.script.text.includes('<<')) continue;
    for (const command of instruction.script.commands) {
      const name = command.nameIndex >= 0 ? command.words[command.nameIndex].value : '';
      if (name === '') continue;
      const base = baseCommandName(command);
      if (SHELL_NAMES.has(base)) {
        if (command.separatorBefore === '|') return true;
        const args = commandArgs(command);
        if (args.length > 0 && !args[0].value.startsWith('-')) return true;
        continue;
      }
      if (name === '.' || name === 'source') return true;
      if (name.includes('/') && !/^\/(usr\/)?(local\/)?s?bin\//.test(name)) return true;
      if (name.endsWith('.sh')) return true;
    }
  }
  return false;
}

/** The path of a BusyBox binary a COPY puts into the image (distroless/scratch images often do), or null. */
export function copiedBusybox(stage: Stage): string | null {
  for (const instruction of chainInstructions(stage)) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    // From another image or stage, or a binary from the build context (`COPY busybox /bin/busybox`).
    const from = flagValue(instruction, 'from') ?? '';
    const words = instruction.json ? instruction.json.map((w) => w.value) : instruction.args.map((w) => w.value);
    if (words.length < 2) continue;
    const dest = words[words.length - 1];
    const fromFamily = imageFamily(parseImageReference(from));
    for (const source of words.slice(0, -1)) {
      const clean = source.replace(/\/+$/, '');
      if (/(^|\/)busybox$/.test(clean)) return dest.endsWith('/') ? dest + 'busybox' : dest;
      if ((fromFamily === 'busybox' || /busybox/i.test(from)) && (clean === '/bin' || clean === '/busybox')) return dest.replace(/\/+$/, '') + '/busybox';
    }
  }
  return null;
}

/** The interpreter the image is built around (`node`, `python`), from the root image's name. */
export function imageRuntime(stage: Stage): 'node' | 'python' | null {
  const image = rootImage(stage);
  if (!image) return null;
  const name = repositoryName(image);
  if (name === 'node') return 'node';
  if (name === 'python') return 'python';
  return null;
}

export function isWindowsImage(stage: Stage): boolean {
  return imageFamily(rootImage(stage)) === 'windows';
}
