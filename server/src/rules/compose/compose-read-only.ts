import { isPartialService, isTrue, reportRange, scalarText, serviceRange, type ComposeService } from '../../compose/model';
import { appendToMap, replaceScalar } from '../../compose/yaml-edits';
import { withDefaults } from '../../compose/interpolation';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

/** Folders official images write to at start, besides their data volume: the fix mounts a tmpfs there. */
const RUNTIME_DIRS: [RegExp, string[]][] = [
  [/^(docker\.io\/)?(library\/)?postgres(:|@|$)/, ['/tmp', '/var/run/postgresql']],
  [/^(docker\.io\/)?(library\/)?(mysql|mariadb)(:|@|$)/, ['/tmp', '/var/run/mysqld']],
  [/^(docker\.io\/)?(library\/)?nginx(:|@|$)/, ['/tmp', '/var/cache/nginx', '/var/run']],
  [/^(docker\.io\/)?(library\/)?httpd(:|@|$)/, ['/tmp', '/usr/local/apache2/logs']],
];

function tmpfsFor(service: ComposeService): string[] {
  const image = scalarText(service.get('image')?.value);
  const text = image === undefined ? '' : withDefaults(image).text;
  return RUNTIME_DIRS.find(([pattern]) => pattern.test(text))?.[1] ?? ['/tmp'];
}

export const composeReadOnly = defineRule({
  id: 'compose-read-only',
  aliases: [],
  severity: 'warning',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A service\'s root file system is writable: it has no `read_only: true`.',
    why: 'With a writable root file system, an attacker who gets code execution can drop tools, change binaries and persist until the container is recreated. A read-only root (with tmpfs and volumes for what must be written) makes the image what runs.',
    bad: 'services:\n  api:\n    image: example/api:2.3',
    good: 'services:\n  api:\n    image: example/api:2.3\n    read_only: true\n    tmpfs: [/tmp]',
    notes: 'The fix adds `read_only: true` and, when the service has no tmpfs yet, `tmpfs: [/tmp]` (with the run-time folders of the official postgres, mysql, mariadb, nginx and httpd images: `/var/run/postgresql`, `/var/run/mysqld`, `/var/cache/nginx` and `/var/run`, `/usr/local/apache2/logs`); `read_only: false` becomes true. Data the service writes elsewhere needs a volume. A value taken from a variable without a default (`read_only: ${READONLY}`) is left to the environment and not reported.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const entry = service.get('read_only');
      if (entry && isTrue(entry.value)) continue;
      if (!entry && isPartialService(service)) continue;
      // `read_only: ${READONLY}` leaves the choice to the environment: nothing to judge.
      if (entry?.value?.type === 'scalar' && withDefaults(entry.value.text).unresolved) continue;
      let edit: TextEdit | null = null;
      if (entry?.value) edit = replaceScalar(model, entry.value, 'true', true);
      else if (!entry && service.map) edit = appendToMap(model, service.map, service.get('tmpfs') ? ['read_only: true'] : ['read_only: true', `tmpfs: [${tmpfsFor(service).join(', ')}]`]);
      report({
        range: entry ? reportRange(entry) : serviceRange(service),
        message: `The root file system of service "${service.name}" is writable: set read_only: true`,
        fixes: edit ? [{ title: entry ? 'Set read_only: true' : 'Add read_only: true (with a tmpfs for /tmp)', edits: [edit], isPreferred: true }] : [],
      });
    }
  },
});
