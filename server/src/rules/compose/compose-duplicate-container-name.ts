import { withDefaults } from '../../compose/interpolation';
import { reportRange, scalarText } from '../../compose/model';
import { defineRule } from '../../engine/rule';

export const composeDuplicateContainerName = defineRule({
  id: 'compose-duplicate-container-name',
  aliases: [],
  severity: 'error',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'Two services set the same `container_name`.',
    why: 'Container names are unique per Docker host: the second container cannot be created and `docker compose up` fails.',
    bad: 'services:\n  api:\n    image: example/api:2.3\n    container_name: app\n  worker:\n    image: example/worker:2.3\n    container_name: app',
    good: 'services:\n  api:\n    image: example/api:2.3\n    container_name: app-api\n  worker:\n    image: example/worker:2.3\n    container_name: app-worker',
    notes: 'The later service is reported. Names that depend on ${VAR} without a default are not compared.',
  },
  check({ model, report }) {
    const seen = new Map<string, { service: string; line: number }>();
    for (const service of model.services) {
      const entry = service.get('container_name');
      const raw = scalarText(entry?.value);
      if (!entry || raw === undefined) continue;
      const { text, unresolved } = withDefaults(raw.trim());
      if (unresolved || text === '') continue;
      const first = seen.get(text);
      if (first) {
        report({ range: reportRange(entry.value!), message: `container_name "${text}" is also used by service "${first.service}" (line ${first.line}): the second container cannot be created` });
      } else {
        seen.set(text, { service: service.name, line: reportRange(entry).start.line + 1 });
      }
    }
  },
});
