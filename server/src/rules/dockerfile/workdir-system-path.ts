import { normalizeContainerPath } from '../../dockerfile/container-paths';
import { defineRule } from '../../engine/rule';
import type { Severity } from '../../engine/types';

/** Directories the container runtime mounts over when the container starts: what the image has there is hidden. */
const RUNTIME_MOUNTS = ['/proc', '/dev', '/sys'];
/** Directories of a booting host that mean nothing in a container. */
const HOST_BOOT_DIRS = ['/boot', '/initrd', '/lost+found'];

export const workdirSystemPath = defineRule({
  id: 'workdir-system-path',
  aliases: ['AVD-DS-0030'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'WORKDIR inside a system directory: /proc, /dev, /sys, /boot, /initrd or /lost+found.',
    why:
      'The container runtime mounts its own /proc, /dev and /sys when the container starts: files the image puts there are hidden, and a working directory in them is empty or cannot be created, so the program does not find its files or the container does not start. /boot, /initrd and /lost+found belong to a booting host and have no use in a container; an application placed there only confuses whoever reads the image.',
    bad: 'FROM node:22-slim\nWORKDIR /dev/app\nCOPY . .',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .',
    notes:
      'Error for /proc, /dev and /sys (the image\'s content is lost at run time); warning for /boot, /initrd and /lost+found. Trivy checks the same list without /sys. Absolute paths are checked after removing `.`, `..` and doubled slashes; paths with variables are not judged. There is no fix: the right directory is the author\'s choice.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'WORKDIR' || instruction.args.length === 0) continue;
      const word = instruction.args[0];
      const path = word.value.replace(/^["']|["']$/g, '');
      if (!path.startsWith('/') || path.includes('$')) continue;
      const normal = normalizeContainerPath(path);
      const mounted = RUNTIME_MOUNTS.find((dir) => within(normal, dir));
      const boot = HOST_BOOT_DIRS.find((dir) => within(normal, dir));
      const dir = mounted ?? boot;
      if (!dir) continue;
      const severity: Severity = mounted ? 'error' : 'warning';
      report({
        range: word.range,
        severity,
        message: mounted
          ? `WORKDIR ${path} is inside ${dir}, which the container runtime mounts over: what the image puts there is hidden when the container runs`
          : `WORKDIR ${path} is inside ${dir}, a host boot directory with no use in a container: use a directory such as /app`,
      });
    }
  },
});

function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + '/');
}
