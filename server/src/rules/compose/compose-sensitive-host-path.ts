import { withDefaults } from '../../compose/interpolation';
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

/** Folders and files below a home folder that hold credentials, and what they hold. */
const CREDENTIALS: [string, string][] = [
  ['.ssh', 'SSH keys'],
  ['.gnupg', 'GnuPG keys'],
  ['.aws', 'AWS credentials'],
  ['.azure', 'Azure credentials'],
  ['.config/gcloud', 'Google Cloud credentials'],
  ['.kube', 'Kubernetes credentials'],
  ['.docker', 'registry credentials'],
  ['.netrc', 'passwords'],
  ['.git-credentials', 'passwords'],
];
/** A home folder: `~` (the user running compose), root's, or a user's on Linux or macOS. */
const HOME = /^(~|\/root|\/home\/[^/]+|\/Users\/[^/]+)(\/|$)/;

/** What the path holds when it is (or is inside) a credentials folder of a home folder. */
function credentialsIn(path: string): string | undefined {
  const home = HOME.exec(path);
  if (!home) return undefined;
  const rest = path.slice(home[0].length);
  return CREDENTIALS.find(([name]) => rest === name || rest.startsWith(name + '/'))?.[1];
}

/** True when mounting the host path endangers the host or, read-only, leaks from it. */
function sensitive(path: string, readOnly: boolean): boolean {
  // The whole home folder of the user running compose: keys, tokens, shell history.
  if (path === '~') return true;
  if (!path.startsWith('/') || !under(path, SENSITIVE)) return false;
  return !readOnly || SENSITIVE.includes(path) || under(path, READ_LEAKS) !== undefined;
}

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
    summary: 'A service bind-mounts a sensitive host path (/, /etc, /proc, /sys, /var/run, /root, /boot, /dev…) or a credentials folder (~/.ssh, ~/.aws, ~/.kube, ~/.docker…).',
    why: 'Write access to /etc, /root, /boot, /proc, /sys or /dev lets the container change the host (add a user, a cron job, a kernel setting): it is host root. Read access still exposes host secrets and state.',
    bad: 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc:/host/etc',
    good: 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc/os-release:/host/etc/os-release:ro',
    notes: 'A writable mount of /, /etc, /root, /boot, /proc, /sys, /dev, /usr or /var/lib/docker is an error; read-only mounts and other sensitive paths are warnings. /etc/localtime, /etc/timezone and /dev/shm are not reported, nor read-only mounts of an application folder below /etc, /usr, /lib, /bin or /sbin (`/etc/nginx/ssl:/etc/nginx/ssl:ro`); read-only mounts of those folders themselves, or of anything below /root, /home, /proc, /sys, /dev, /boot, /run, /var/log, /var/lib/docker, /etc/ssh or /etc/shadow, are still reported; sockets are left to compose-docker-socket. Credentials folders of a home folder (`~`, `$HOME`, /root, /home/<user>, /Users/<user>) are reported read-only too: .ssh, .gnupg, .aws, .azure, .config/gcloud, .kube, .docker, .netrc and .git-credentials; so is the whole home folder `~` (other folders below `~`, a project checked out there, are not). The quick fix (not applied by --fix) makes a short-syntax mount read-only.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      for (const mount of serviceMounts(service)) {
        if (mount.type !== 'bind' || !mount.source) continue;
        const source = normalize(mount.source);
        if (HARMLESS.includes(source) || SOCKET.test(source)) continue;
        const credentials = credentialsIn(source);
        if (!credentials && !sensitive(source, mount.readOnly)) continue;
        const critical = !mount.readOnly && under(source, CRITICAL) !== undefined;
        const fixes: Fix[] = [];
        if (!mount.readOnly && mount.item.type === 'scalar') {
          const raw = mount.item.text;
          // Colons counted after defaults: `${HOME:-/root}/.ssh:/keys` has two parts, not three.
          const readOnly = withDefaults(raw).text.split(':').length >= 3 ? `${raw},ro` : `${raw}:ro`;
          // Only when the new spec reads as read-only (not for one with too many colons, `/usr:::r`).
          const edit = parseShortVolume(readOnly)?.readOnly ? replaceScalar(model, mount.item, readOnly) : null;
          if (edit) fixes.push({ title: 'Mount it read-only', edits: [edit], isPreferred: false });
        }
        report({
          range: reportRange(mount.item),
          severity: critical ? 'error' : 'warning',
          message: `Service "${service.name}" mounts the host's ${source}${mount.readOnly ? ' (read-only)' : ' read-write'}${critical ? ': the container can change the host' : credentials ? `: it holds ${credentials}` : ''}${originNote(mount.item)}`,
          fixes,
        });
      }
    }
  },
});
