/**
 * Validation of the values users give the runtime commands (image references, container users,
 * ports, label keys) before any of them reaches the docker CLI. Values are passed as separate
 * arguments, never through a shell; these checks also keep them from being read as options.
 */
import { InputError } from './docker-cli';

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_ONLY = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*$`);
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,63})?$/;
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? value.slice(0, 77) + '…' : value);
}

/** Why an image reference (`name`, `name:tag`, `registry:5000/team/name:tag@sha256:…`) is invalid, or null when valid. */
export function imageReferenceProblem(value: string): string | null {
  if (value.length === 0) return 'The image name is empty.';
  if (value.startsWith('-')) return `The image name ${shown(value)} starts with "-", which docker would read as an option.`;
  const bad = [...new Set(value.match(/[^A-Za-z0-9._\-/:@[\]]/g) ?? [])];
  if (bad.length > 0) {
    const list = bad.map((c) => (/\s/.test(c) ? 'white space' : JSON.stringify(c))).join(', ');
    return `The image name ${shown(value)} contains characters an image name cannot have (${list}); use lowercase letters, digits, ".", "_", "-", "/" and one ":tag".`;
  }
  const at = value.indexOf('@');
  const withoutDigest = at >= 0 ? value.slice(0, at) : value;
  const colon = withoutDigest.lastIndexOf(':');
  const name = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest;
  if (name.length > 255) return `The image name ${shown(value)} is longer than 255 characters.`;
  if (!REFERENCE.test(value)) {
    if (name !== name.toLowerCase() && NAME_ONLY.test(name.toLowerCase())) return `The image name ${shown(value)} must be lowercase.`;
    return `The image name ${shown(value)} is not a valid reference (expected e.g. "myapp", "myapp:1.0" or "registry.example:5000/team/myapp:dev").`;
  }
  return null;
}

export function assertImageReference(value: string): string {
  const problem = imageReferenceProblem(value);
  if (problem) throw new InputError(problem);
  return value;
}

/** A valid `name:tag` derived from a folder name (`My App` → `my-app:dev`). */
export function tagFromFolder(folderName: string, tag = 'dev'): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return `${name || 'app'}:${tag}`;
}

/** `--user` values: `name`, `uid`, `name:group`, `uid:gid`. */
export function assertUser(value: string): string {
  if (!USER.test(value)) throw new InputError(`The container user ${shown(value)} is not valid (expected "name", "uid" or "uid:gid").`);
  return value;
}

export function assertContainerRef(value: string): string {
  if (!CONTAINER_NAME.test(value)) throw new InputError(`The container ${shown(value)} is not a valid container id or name.`);
  return value;
}

export function assertServiceName(value: string): string {
  if (!SERVICE_NAME.test(value)) throw new InputError(`The compose service ${shown(value)} is not a valid service name.`);
  return value;
}

export function assertLabel(key: string, value: string): string {
  if (!LABEL_KEY.test(key)) throw new InputError(`The label key ${shown(key)} is not valid.`);
  if (/[\0\n\r]/.test(value)) throw new InputError(`The value of label ${key} contains a line break.`);
  return `${key}=${value}`;
}

export interface PortMapping {
  /** Host port; 0 or absent lets docker choose a free one. */
  hostPort?: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

/** Reads `8080`, `8080/tcp`, `3000:8080`, `3000:8080/udp` (a host address comes from the bind address setting). */
export function parsePortMapping(value: string): PortMapping {
  const match = /^(?:(\d{1,5}):)?(\d{1,5})(?:\/(tcp|udp))?$/.exec(value.trim());
  const valid = (n: number): boolean => n >= 1 && n <= 65535;
  if (!match || !valid(Number(match[2])) || (match[1] !== undefined && !valid(Number(match[1])))) {
    throw new InputError(`The port ${shown(value)} is not valid (expected "8080", "8080/tcp" or "3000:8080").`);
  }
  return {
    hostPort: match[1] === undefined ? undefined : Number(match[1]),
    containerPort: Number(match[2]),
    protocol: (match[3] as 'tcp' | 'udp' | undefined) ?? 'tcp',
  };
}

/** Only IP literals are accepted as bind addresses, so a value can never be read as an option or a host name. */
export function assertBindAddress(value: string): string {
  if (/^(?:\d{1,3}\.){3}\d{1,3}$/.test(value) && value.split('.').every((n) => Number(n) <= 255)) return value;
  if (/^\[?[0-9a-fA-F:]+\]?$/.test(value) && value.includes(':')) return value.startsWith('[') ? value : `[${value}]`;
  throw new InputError(`The bind address ${shown(value)} is not an IP address (e.g. 127.0.0.1).`);
}

/** Rejects a path or other free-form argument that docker could take for an option. */
export function assertNotOption(value: string, what: string): string {
  if (value.startsWith('-')) throw new InputError(`The ${what} ${shown(value)} starts with "-", which docker would read as an option.`);
  if (value.includes('\0')) throw new InputError(`The ${what} contains a NUL character.`);
  return value;
}
