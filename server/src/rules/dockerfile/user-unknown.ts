import type { ImageReference } from '../../dockerfile/image-reference';
import type { Instruction } from '../../dockerfile/instruction';
import { stageChain } from '../../dockerfile/package-commands';
import { defineRule } from '../../engine/rule';

const DEBIAN = ['root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup', 'list', 'irc', 'gnats', '_apt', 'nobody'];
const ALPINE = ['root', 'bin', 'daemon', 'adm', 'lp', 'sync', 'shutdown', 'halt', 'mail', 'news', 'uucp', 'operator', 'man', 'postmaster', 'cron', 'ftp', 'sshd', 'at', 'squid', 'xfs', 'games', 'cyrus', 'vpopmail', 'ntp', 'smmsp', 'guest', 'nobody'];
const BUSYBOX = ['root', 'daemon', 'bin', 'sys', 'sync', 'mail', 'www-data', 'operator', 'nobody'];
const RHEL = ['root', 'bin', 'daemon', 'adm', 'lp', 'sync', 'shutdown', 'halt', 'mail', 'operator', 'games', 'ftp', 'nobody'];

/** Official images and the users they add to their base distribution. */
const IMAGE_USERS: Record<string, string[]> = {
  node: ['node'],
  python: [],
  golang: [],
  rust: [],
  ruby: [],
  php: [],
  perl: [],
  nginx: ['nginx'],
  httpd: [],
  postgres: ['postgres'],
  redis: ['redis'],
  mysql: ['mysql'],
  mariadb: ['mysql'],
  mongo: ['mongodb'],
  rabbitmq: ['rabbitmq'],
  memcached: ['memcache'],
  haproxy: ['haproxy'],
  'eclipse-temurin': ['ubuntu'],
  openjdk: [],
  gradle: ['gradle'],
  maven: [],
  'jenkins/jenkins': ['jenkins'],
  'grafana/grafana': ['grafana'],
};

/** The users an image is known to have, or null when we do not know the image. */
export function knownUsers(image: ImageReference | null): Set<string> | null {
  if (!image || image.hasVariable) return null;
  if (/windows|nanoserver|servercore|ltsc20/.test(`${image.repository}:${image.tag ?? ''}`.toLowerCase())) return null;
  const registry = image.registry ?? 'docker.io';
  const repo = image.repository.replace(/^library\//, '').toLowerCase();
  const tag = (image.tag ?? '').toLowerCase();
  if (registry === 'gcr.io' && repo.startsWith('distroless/')) return new Set(['root', 'nonroot', 'nobody']);
  if (registry === 'cgr.dev') return new Set(['root', 'nonroot']);
  if (registry === 'mcr.microsoft.com' && repo.startsWith('dotnet/')) return new Set([...DEBIAN, 'app']);
  if (registry !== 'docker.io') return null;
  if (repo === 'scratch') return new Set();
  if (repo === 'alpine') return new Set(ALPINE);
  if (repo === 'busybox') return new Set(BUSYBOX);
  if (repo === 'debian') return new Set(DEBIAN);
  if (repo === 'ubuntu') return new Set([...DEBIAN, 'ubuntu']);
  if (['centos', 'rockylinux', 'almalinux', 'fedora', 'oraclelinux', 'amazonlinux'].includes(repo)) return new Set(RHEL);
  const extra = IMAGE_USERS[repo];
  if (!extra) return null;
  const base = tag.includes('alpine') ? ALPINE : [...DEBIAN, 'ubuntu'];
  return new Set([...base, ...extra]);
}

/** True when the instructions may create `user`: it appears in a RUN, or /etc/passwd is copied in. */
function mayCreate(instructions: readonly Instruction[], user: string): boolean {
  const word = new RegExp(`(^|[^A-Za-z0-9_.-])${user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_-]|$)`);
  for (const instruction of instructions) {
    if (instruction.keyword === 'RUN' && word.test(instruction.script?.text ?? instruction.argsText?.text ?? instruction.args.map((a) => a.value).join(' '))) return true;
    if (instruction.keyword === 'RUN' && instruction.heredocs.some((h) => word.test(h.content))) return true;
    if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && instruction.args.some((a) => /(^|\/)(etc\/?|passwd|etc\/passwd)$/.test(a.value) || a.value === '/' || a.value.startsWith('/etc/passwd'))) return true;
    if (instruction.keyword === 'ONBUILD') return true;
  }
  return false;
}

export const userUnknown = defineRule({
  id: 'user-unknown',
  aliases: [],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'USER names a user that no earlier instruction creates and the base image is not known to have.',
    why: 'A user that does not exist in /etc/passwd makes the container fail at start ("unable to find user app"), or makes later RUNs fail, only once the image is run.',
    bad: 'FROM node:22-slim\nUSER app\nCMD ["node", "server.js"]',
    good: 'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]',
    notes: 'We know the users of common base images: Debian, Ubuntu (`ubuntu` from 23.04), Alpine, BusyBox and the RHEL family (`nobody`, `daemon`…), `node` in the node images, `nonroot` in distroless and Chainguard, `app` in .NET images, and a few service images (`nginx`, `postgres`, `redis`…). Images we do not know, numeric IDs and variables are not reported; a user whose name appears in any earlier RUN (useradd, adduser, a package that creates it) counts as created. Info: the image may be run with another user anyway.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const chain = stageChain(stage);
      const users = knownUsers(chain[0].image);
      if (!users) continue;
      const before: Instruction[] = [];
      for (const current of chain) {
        for (const instruction of current.instructions) {
          if (current === stage && instruction.keyword === 'USER' && instruction.args[0]) {
            const word = instruction.args[0];
            const name = word.value.split(':')[0];
            if (name && !name.includes('$') && !/^\d+$/.test(name) && !users.has(name) && !mayCreate(before, name)) {
              const image = chain[0].image?.text ?? 'the base image';
              const base = users.size === 0 ? `${image} has no users` : `${image} is not known to have it`;
              report({
                range: { start: word.range.start, end: { line: word.range.start.line, character: word.range.start.character + name.length } },
                message: `User "${name}" is not created by an earlier instruction and ${base}: the container would fail to start`,
              });
            }
          }
          before.push(instruction);
        }
      }
    }
  },
});
