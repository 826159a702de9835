import { defaultedText, isPartialService, isTrue, scalarText, serviceRange, type ComposeService } from '../../compose/model';
import { withDefaults } from '../../compose/interpolation';
import { appendToMap, appendToSequence } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

/**
 * Official images whose entrypoint starts as root, takes ownership of the data folder and steps
 * down with gosu: with every capability dropped they fail at start, so the fix gives those back.
 */
const STEP_DOWN_IMAGES = /^(docker\.io\/)?(library\/)?(postgres|mysql|mariadb|redis|mongo)(:|@|$)/;
const STEP_DOWN_CAPS = 'cap_add: [CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID]';

function stepsDown(service: ComposeService): boolean {
  if (service.get('user') || service.get('cap_add')) return false;
  const image = scalarText(service.get('image')?.value);
  return image !== undefined && STEP_DOWN_IMAGES.test(withDefaults(image).text);
}

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
    notes: 'The fix adds `cap_drop: [ALL]` (or adds ALL to an existing cap_drop list, in its style). Images whose entrypoint starts as root and switches users need some back: for the official postgres, mysql, mariadb, redis and mongo images without `user:` or `cap_add`, the fix also adds `cap_add: [CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID]`, which their entrypoints use to take ownership of the data folder and step down; `--fix` does not apply that one (DAC_OVERRIDE is a trade-off compose-dangerous-capability reports), and setting `user:` to the user of the image avoids it. Services of override files without image or build, services with `extends:` and privileged services are not reported.',
  },
  check({ model, report }) {
    for (const service of model.services) {
      if (isPartialService(service) || isTrue(service.get('privileged')?.value)) continue;
      const dropped = service.get('cap_drop');
      if (dropped?.value?.type === 'seq' && dropped.value.items.some((i) => /^(CAP_)?ALL$/i.test(defaultedText(i)?.text ?? ''))) continue;
      let edit: TextEdit | null = null;
      const stepDown = !dropped && stepsDown(service);
      if (dropped?.value?.type === 'seq') edit = appendToSequence(model, dropped.value, 'ALL');
      else if (!dropped && service.map) edit = appendToMap(model, service.map, stepDown ? ['cap_drop: [ALL]', STEP_DOWN_CAPS] : ['cap_drop: [ALL]']);
      report({
        range: dropped ? dropped.keyRange : serviceRange(service),
        message: dropped ? `cap_drop of service "${service.name}" does not drop ALL` : `Service "${service.name}" keeps the default capabilities: add cap_drop: [ALL]`,
        // For those images the capabilities given back include DAC_OVERRIDE, a choice for the user to make: offered, not applied by --fix.
        fixes: edit
          ? [{ title: stepDown ? 'Drop all capabilities, give back those the entrypoint needs' : 'Drop all capabilities (cap_drop: [ALL])', edits: [edit], isPreferred: !stepDown }]
          : [],
      });
    }
  },
});
