import { originNote, reportRange } from '../../compose/model';
import { parseShortVolume, serviceMounts } from '../../compose/volumes';
import { replaceScalar } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';

/** Host paths whose write access is host root; read access still leaks secrets or host state. */
const CRITICAL = ['/', '/etc', '/root', '/boot', '/proc', '/sys', '/dev', '/var/lib/docker', '/usr', '/lib', '/lib/modules', '/bin', '/sbin'];
const SENSITIVE = [...CRITICAL, '/var/run', '/run', '/home', '/var/log', '/var/lib/kubelet'];
/** Harmless files below sensitive folders that many services mount. */
const HARMLESS = ['/etc/localtime', '/etc/timezone', '/dev/shm', '/dev/null', '/dev/urandom', '/dev/random', '/etc/hostname', '/etc/machine-id', '/dev/log'];
const SOCKET = /\.sock$/;
/**
 * Where even read access leaks host secrets or state. Below /etc, /usr, /lib, /bin and /sbin, a
 * read-only mount of a deeper folder (`/etc/nginx/ssl`, `/usr/share/app/modules`) is how a service
 * gets its own configuration, and is not reported.
 */
const READ_LEAKS = ['/root', '/proc', '/sys', '/dev', '/boot', '/home', '/var/log', '/run', '/var/run', '/var/lib/docker', '/var/lib/kubelet', '/etc/shadow', '/etc/gshadow', '/etc/sudoers', '/etc/sudoers.d', '/etc/ssh', '/etc/docker', '/etc/kubernetes'];

function normalize(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function under(path: string, roots: string[]): string | undefined {
  return roots.find((root) => path === root || (root !== '/' && path.startsWith(root + '/')));
}

export const composeSensitiveHostPath = defineRule({
  id: 'compose-sensitive-host-path',
  aliases: ['Volume Has Sensitive Host Directory'],
  severity: 'warning',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A service bind-mounts a sensitive host path (/, /etc, /proc, /sys, /var/run, /root, /boot, /dev…).',
    why: 'Write access to /etc, /root, /boot, /proc, /sys or /dev lets the container change the host (add a user, a cron job, a kernel setting): it is host root. Read access still exposes host secrets and state.',
    bad: 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc:/host/etc',
    good: 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc/os-release:/host/etc/os-release:ro',
    notes: 'A writable mount of /, /etc, /root, /boot, /proc, /sys, /dev, /usr or /var/lib/docker is an error; read-only mounts and other sensitive paths are warnings. /etc/localtime, /etc/timezone and /dev/shm are not reported, nor read-only mounts of an application folder below /etc, /usr, /lib, /bin or /sbin (`/etc/nginx/ssl:/etc/nginx/ssl:ro`); read-only mounts of those folders themselves, or of anything below /root, /home, /proc, /sys, /dev, /boot, /run, /var/log, /var/lib/docker, /etc/ssh or /etc/shadow, are still reported; sockets are left to compose-docker-socket. The quick fix (not applied by --fix) makes a short-syntax mount read-only.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      for (const mount of serviceMounts(service)) {
        if (mount.type !== 'bind' || !mount.source || !mount.source.startsWith('/')) continue;
        const source = normalize(mount.source);
        if (HARMLESS.includes(source) || SOCKET.test(source)) continue;
        const root = under(source, SENSITIVE);
        if (!root) continue;
        if (mount.readOnly && !SENSITIVE.includes(source) && !under(source, READ_LEAKS)) continue;
        const critical = !mount.readOnly && under(source, CRITICAL) !== undefined;
        const fixes: Fix[] = [];
        if (!mount.readOnly && mount.item.type === 'scalar') {
          const raw = mount.item.text;
          const parts = raw.split(':');
          const readOnly = parts.length >= 3 ? `${raw},ro` : `${raw}:ro`;
          // Only when the new spec reads as read-only (not for one with too many colons, `/usr:::r`).
          const edit = parseShortVolume(readOnly)?.readOnly ? replaceScalar(model, mount.item, readOnly) : null;
          if (edit) fixes.push({ title: 'Mount it read-only', edits: [edit], isPreferred: false });
        }
        report({
          range: reportRange(mount.item),
          severity: critical ? 'error' : 'warning',
          message: `Service "${service.name}" mounts the host's ${source}${mount.readOnly ? ' (read-only)' : ' read-write'}${critical ? ': the container can change the host' : ''}${originNote(mount.item)}`,
          fixes,
        });
      }
    }
  },
});
