import { isTrue, originNote, reportRange } from '../../compose/model';
import { removeEntry } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';

export const composePrivileged = defineRule({
  id: 'compose-privileged',
  aliases: ['Privileged Containers Enabled'],
  severity: 'error',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A service runs with `privileged: true`.',
    why: 'A privileged container gets every capability, every host device and no seccomp or AppArmor confinement: escaping to the host is trivial. Grant the one capability or device it needs instead.',
    bad: 'services:\n  app:\n    image: example/app:1.4\n    privileged: true',
    good: 'services:\n  app:\n    image: example/app:1.4\n    cap_add: [NET_BIND_SERVICE]',
    notes: 'The quick fix removes the line; `--fix` does not apply it, since services that really need it (Docker-in-Docker, BuildKit, device access) would stop working: grant the capabilities or devices they need first. A value that comes from an anchor is reported at the service that uses it, without a fix (changing the anchor would change every user).',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const entry = service.get('privileged');
      if (!entry || !isTrue(entry.value)) continue;
      const edit = removeEntry(model, entry);
      report({
        range: reportRange(entry),
        message: `Service "${service.name}" runs privileged: it gets every capability and all host devices${originNote(entry)}`,
        fixes: edit ? [{ title: 'Remove privileged: true', edits: [edit] }] : [],
      });
    }
  },
});
