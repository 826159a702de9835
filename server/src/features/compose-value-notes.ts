/**
 * What a compose value means for the container's safety and lifecycle: notes shown when hovering
 * values such as `restart: unless-stopped`, `cap_drop: [ALL]` or `network_mode: host`. A small
 * table by service setting; values are matched the way Docker reads them (capabilities without
 * `CAP_` and in any case, `security_opt` with `:` or `=`).
 */
import { ITEM, type PathSegment } from '../compose-schema';

const NO_NEW_PRIVILEGES = 'The process and its children cannot gain privileges: setuid and setgid programs (`su`, `sudo`) and file capabilities no longer raise them.';

const NOTES: Record<string, Record<string, string>> = {
  restart: {
    no: 'Not restarted when it exits or when the Docker daemon restarts (the default).',
    always: 'Restarted whenever it exits. Stopped by hand, it starts again when the Docker daemon restarts.',
    'on-failure': 'Restarted only when it exits with a non-zero code; `on-failure:3` gives up after three tries.',
    'unless-stopped': 'Restarted whenever it exits, also when the Docker daemon restarts, unless it was stopped by hand.',
  },
  pull_policy: {
    always: 'Pulls the image on every start, so a tag moved in the registry is picked up; pin a digest to know exactly what runs.',
    never: 'Never pulls: uses the local image and fails when there is none.',
    missing: 'Pulls only when the image is not present locally (the default): a mutable tag stays at whatever was pulled first.',
    if_not_present: 'An old spelling of `missing`: pulls only when the image is not present locally.',
    build: 'Builds the image from `build:`, also when one is present locally.',
    daily: 'Checks the registry for a newer image when the last pull is more than 24 hours old.',
    weekly: 'Checks the registry for a newer image when the last pull is more than 7 days old.',
  },
  cap_drop: {
    ALL: 'Drops every Linux capability: root in the container cannot change file owners, bypass file permissions or use raw sockets. Add back only what the process needs with `cap_add`.',
  },
  cap_add: {
    ALL: 'Gives the container every Linux capability: nearly as much power as `privileged: true`.',
    SYS_ADMIN: 'A catch-all capability (mounts, namespaces, many kernel interfaces): with it, root in the container is close to root on the host. Rarely needed.',
    NET_ADMIN: 'Changes network interfaces, routes and firewall rules of the container\'s network (of the host\'s with `network_mode: host`).',
    NET_RAW: 'Raw and packet sockets: ping, but also forged packets on the container\'s network.',
    SYS_PTRACE: 'Traces and reads the memory of other processes in the container (of the host\'s with `pid: host`).',
    NET_BIND_SERVICE: 'Lets a process listen on ports below 1024. Docker 20.10 and later already allow that in a container\'s own network (`net.ipv4.ip_unprivileged_port_start=0`); it is needed with `network_mode: host`.',
  },
  security_opt: {
    'no-new-privileges:true': NO_NEW_PRIVILEGES,
    'no-new-privileges': NO_NEW_PRIVILEGES,
    'no-new-privileges:false': 'Leaves privilege escalation through setuid and setgid programs allowed (the default).',
    'seccomp:unconfined': 'Turns off Docker\'s default seccomp profile, which blocks dozens of dangerous system calls (`mount`, `kexec_load`, `bpf`…). Give a custom profile (`seccomp:profile.json`) instead.',
    'apparmor:unconfined': 'Runs without an AppArmor profile: nothing restricts mounts or writes to /proc and /sys beyond capabilities.',
    'label:disable': 'Turns off SELinux separation for the container.',
  },
  network_mode: {
    host: 'Shares the host\'s network stack: the container sees every host interface, binds host ports directly and reaches services that listen only on the host\'s localhost. `ports` are ignored.',
    none: 'Only a loopback interface: no network at all, the safest choice for a job that needs none.',
    bridge: 'Docker\'s default bridge network (not a Compose network: services cannot reach each other by name).',
  },
  pid: {
    host: 'Shares the host\'s process namespace: the container sees every process on the host, and as root can signal or trace them.',
  },
  ipc: {
    host: 'Shares the host\'s IPC namespace: shared memory and semaphores of host processes are reachable.',
  },
  userns_mode: {
    host: 'Turns off user namespace remapping for this container: root in it is root on the host.',
  },
  cgroup: {
    host: 'Shares the host\'s cgroup namespace: the container sees the host\'s cgroup tree.',
  },
  privileged: {
    true: 'Every capability, every host device, and no seccomp or AppArmor confinement: root in the container can take over the host.',
  },
  read_only: {
    true: 'The root filesystem is read-only: an intruder cannot drop tools or change the application. Give the paths that must be written a `tmpfs` or a volume.',
    false: 'The root filesystem is writable (the default).',
  },
  'depends_on.condition': {
    service_started: 'Waits only until the dependency\'s container has started, not until it is ready (the default).',
    service_healthy: 'Waits until the dependency\'s healthcheck passes; the dependency needs a `healthcheck`.',
    service_completed_successfully: 'Waits until the dependency has run to the end with exit code 0 (migrations, setup jobs).',
  },
};

/** The service setting a value belongs to (`restart`, `cap_add`, `depends_on.condition`), or null outside a service. */
function settingOf(path: readonly PathSegment[]): string | null {
  if (path[0] !== 'services' || path.length < 3) return null;
  const keys = path.slice(2).filter((segment) => segment !== ITEM && typeof segment !== 'number');
  if (keys.length === 1) return String(keys[0]);
  if (keys.length === 3 && keys[0] === 'depends_on' && keys[2] === 'condition') return 'depends_on.condition';
  return null;
}

/** The value as the table spells it. */
function normalise(setting: string, value: string): string {
  const text = value.replace(/^(["'])(.*)\1$/, '$2');
  if (setting === 'cap_add' || setting === 'cap_drop') return text.toUpperCase().replace(/^CAP_/, '');
  if (setting === 'security_opt') return text.replace('=', ':');
  if (setting === 'privileged' || setting === 'read_only') return text.toLowerCase();
  if (setting === 'restart') return text.replace(/^on-failure:\d+$/, 'on-failure');
  return text;
}

/** The note on `value` at `path` (the path of the key it is a value of, or of its list item). */
export function valueNote(path: readonly PathSegment[], value: string): string | null {
  const setting = settingOf(path);
  if (setting === null) return null;
  const notes = Object.hasOwn(NOTES, setting) ? NOTES[setting] : undefined;
  const key = normalise(setting, value);
  return notes && Object.hasOwn(notes, key) ? notes[key] : null;
}
