import { isPartialService, isTrue, reportRange, serviceRange } from '../../compose/model';
import { appendToMap, replaceScalar } from '../../compose/yaml-edits';
import { withDefaults } from '../../compose/interpolation';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

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
    notes: 'The fix adds `read_only: true` and, when the service has no tmpfs yet, `tmpfs: [/tmp]`; `read_only: false` becomes true. Data the service writes elsewhere needs a volume. A value taken from a variable without a default (`read_only: ${READONLY}`) is left to the environment and not reported.',
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
      else if (!entry && service.map) edit = appendToMap(model, service.map, service.get('tmpfs') ? ['read_only: true'] : ['read_only: true', 'tmpfs: [/tmp]']);
      report({
        range: entry ? reportRange(entry) : serviceRange(service),
        message: `The root file system of service "${service.name}" is writable: set read_only: true`,
        fixes: edit ? [{ title: entry ? 'Set read_only: true' : 'Add read_only: true (with a tmpfs for /tmp)', edits: [edit], isPreferred: true }] : [],
      });
    }
  },
});
