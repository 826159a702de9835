import { isPartialService, isTrue, serviceRange } from '../../compose/model';
import { appendToMap, appendToSequence } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

export const composeCapDropAll = defineRule({
  id: 'compose-cap-drop-all',
  aliases: ['Container Capabilities Unrestricted'],
  severity: 'warning',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A service keeps Docker\'s default capabilities: it has no `cap_drop: [ALL]`.',
    why: 'By default a container keeps 14 capabilities (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW…) that most programs never use and that exploits do. Drop them all and add back only what the service needs.',
    bad: 'services:\n  api:\n    image: example/api:2.3',
    good: 'services:\n  api:\n    image: example/api:2.3\n    cap_drop: [ALL]',
    notes: 'The fix adds `cap_drop: [ALL]` (or adds ALL to an existing cap_drop list, in its style). Images whose entrypoint switches users (postgres, mysql) need CHOWN, SETUID and SETGID back in `cap_add`. Services of override files without image or build, services with `extends:` and privileged services are not reported.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      if (isPartialService(service) || isTrue(service.get('privileged')?.value)) continue;
      const dropped = service.get('cap_drop');
      if (dropped?.value?.type === 'seq' && dropped.value.items.some((i) => i.type === 'scalar' && /^(CAP_)?ALL$/i.test(i.text.trim()))) continue;
      let edit: TextEdit | null = null;
      if (dropped?.value?.type === 'seq') edit = appendToSequence(model, dropped.value, 'ALL');
      else if (!dropped && service.map) edit = appendToMap(model, service.map, ['cap_drop: [ALL]']);
      report({
        range: dropped ? dropped.keyRange : serviceRange(service),
        message: dropped ? `cap_drop of service "${service.name}" does not drop ALL` : `Service "${service.name}" keeps the default capabilities: add cap_drop: [ALL]`,
        fixes: edit ? [{ title: 'Drop all capabilities (cap_drop: [ALL])', edits: [edit], isPreferred: true }] : [],
      });
    }
  },
});
