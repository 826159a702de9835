import { defaultedText, isPartialService, originNote, reportRange, serviceRange } from '../../compose/model';
import { defineRule } from '../../engine/rule';
import { deployLimit } from './compose-memory-limit';

export const composePidsLimit = defineRule({
  id: 'compose-pids-limit',
  aliases: ['Pids Limit Not Set'],
  severity: 'warning',
  kinds: ['compose'],
  fixable: false,
  docs: {
    summary: 'A service has no process limit (`pids_limit` or `deploy.resources.limits.pids`), or sets it to -1.',
    why: 'A fork bomb, or a bug that spawns threads in a loop, inside one container exhausts the host\'s process table and every other service with it.',
    bad: 'services:\n  api:\n    image: example/api:2.3',
    good: 'services:\n  api:\n    image: example/api:2.3\n    pids_limit: 200',
    notes: 'There is no fix: the right number depends on the service (a JVM or a browser needs hundreds of threads).',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const entry = service.get('pids_limit') ?? deployLimit(service, 'pids');
      if (entry) {
        const value = defaultedText(entry.value)?.text;
        if (value === '-1' || value === '0') report({ range: reportRange(entry), message: `Service "${service.name}" turns the process limit off (${entry.key}: ${value})${originNote(entry)}` });
        continue;
      }
      if (isPartialService(service)) continue;
      report({ range: serviceRange(service), message: `Service "${service.name}" has no process limit (pids_limit)` });
    }
  },
});
